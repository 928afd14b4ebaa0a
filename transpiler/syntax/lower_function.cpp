// Function definitions: parameters, return annotation, and the decorators
// pyxx understands (Cython pure mode and Numba) -> FunctionAttrs.
#include <optional>
#include <string>

#include "syntax/lowerer.h"

namespace pyxx::syntax {
namespace {

auto IsCall(const Expr& expr) -> bool { return expr.kind == Expr::Kind::Call && !expr.operands.empty(); }

auto CalleeOf(const Expr& expr) -> const Expr& { return IsCall(expr) ? *expr.operands[0] : expr; }

}  // namespace

auto Lowerer::HeaderHasError(Node function) const -> bool {
  for (const FieldChild& child : ChildrenOf(function)) {
    if (child.field == fields_.Body) {
      return false;
    }
    if (child.node.IsError() || child.node.HasError()) {
      return true;
    }
  }
  return false;
}

auto Lowerer::LowerFunction(Node node, Node outer) -> StmtPtr {
  auto stmt = MakeStmt(Stmt::Kind::Function, outer.Range());
  auto function = std::make_unique<Function>();
  function->range = outer.Range();
  Node name = node.Field(fields_.Name);
  function->name = Identifier(name);
  function->name_range = name.Range();
  function->def_range = HeadBeforeColon(node);
  function->is_async = !node.Child(0).IsNull() && !node.Child(0).IsNamed() && node.Child(0).Type() == "async";
  // `def` keyword start (after `async`) to the end of the signature.
  for (const FieldChild& child : ChildrenOf(node)) {
    if (!child.node.IsNamed() && child.node.Type() == "def") {
      function->def_range.begin = function->is_async ? node.Begin() : child.node.Begin();
    }
  }
  stmt->head_range = function->def_range;
  function->attrs.infer_types = infer_types_;
  function->attrs.binding = binding_;
  const bool saved_annotation_typing = annotation_typing_;
  if (!ts_node_eq(outer.Raw(), node.Raw())) {
    for (Node child : NamedChildrenOf(outer)) {
      if (Is(child, kinds_.Decorator)) {
        ApplyDecorator(child, function->attrs);
      }
    }
  }
  const bool was_quiet = quiet_types_;
  quiet_types_ = was_quiet || HeaderHasError(node);
  LowerParameters(node.Field(fields_.ParametersField), *function);
  Node return_type = node.Field(fields_.ReturnType);
  if (return_type) {
    function->return_type = LowerAnnotation(return_type);
  } else if (recovered_return_annotations_ != nullptr) {
    // `def f(a) -> list: a[0] = 7`, re-parsed without its annotation (misparse_recovery.h).
    auto it = recovered_return_annotations_->find(node.Begin());
    if (it != recovered_return_annotations_->end()) {
      function->return_type = LowerAnnotationExpression(it->second, it->second.Range());
      function->def_range.end = it->second.End();
    }
  }
  quiet_types_ = was_quiet;
  const auto saved_infer_types = infer_types_;
  infer_types_ = function->attrs.infer_types;  // nested functions inherit it
  const bool was_class_body = in_class_body_;
  in_class_body_ = false;
  LowerBlockInto(node.Field(fields_.Body), function->body);
  in_class_body_ = was_class_body;
  infer_types_ = saved_infer_types;
  annotation_typing_ = saved_annotation_typing;
  if (function->is_async) {
    stmt->kind = Stmt::Kind::Unsupported;
    stmt->description = "`async def` function";
    stmt->coroutine = true;
  }
  stmt->function = std::move(function);
  return stmt;
}

// `lambda params: value` is a function named `<lambda>` whose body is `return value`.
auto Lowerer::LowerLambda(Node node) -> ExprPtr {
  const SourceRange range = node.Range();
  auto expr = MakeExpr(Expr::Kind::Lambda, range);
  auto function = std::make_unique<Function>();
  function->name = "<lambda>";
  function->attrs.infer_types = infer_types_;
  function->range = range;
  function->name_range = range;
  function->def_range = range;
  Node parameters = node.Field(fields_.ParametersField);
  if (parameters) {
    LowerParameters(parameters, *function);
  }
  Node body = node.Field(fields_.Body);
  auto ret = MakeStmt(Stmt::Kind::Return, body ? body.Range() : range);
  ret->head_range = ret->range;
  ret->value = LowerExprOrError(body, range);
  function->body.push_back(std::move(ret));
  expr->function = std::move(function);
  return expr;
}

void Lowerer::LowerParameters(Node parameters, Function& function) {
  bool keyword_only = false;
  std::optional<base::SourceRange> bare_star;  // a `*` still waiting for a named parameter
  bool seen_default = false;
  for (Node node : NamedChildrenOf(parameters)) {
    Param param;
    param.range = node.Range();
    Node name_node = node;
    if (Is(node, kinds_.TypedParameter)) {
      name_node = node.NamedChildCount() > 0 ? node.NamedChild(0) : Node();
      param.annotation = LowerAnnotation(node.Field(fields_.TypeField));
    } else if (Is(node, kinds_.DefaultParameter) || Is(node, kinds_.TypedDefaultParameter)) {
      name_node = node.Field(fields_.Name);
      if (Is(node, kinds_.TypedDefaultParameter)) {
        param.annotation = LowerAnnotation(node.Field(fields_.TypeField));
      }
      param.default_value = LowerExprOrError(node.Field(fields_.Value), node.Range());
    } else if (Is(node, kinds_.KeywordSeparator)) {
      // `*`: the parameters after it are keyword-only; it is no parameter itself.
      keyword_only = true;
      bare_star = node.Range();
      continue;
    } else if (Is(node, kinds_.PositionalSeparator)) {
      // `/`: the parameters before it are positional-only.
      for (Param& before : function.params) {
        before.positional_only = true;
      }
      continue;
    } else if (!Is(node, kinds_.Identifier) && !Is(node, kinds_.ListSplatPattern) &&
               !Is(node, kinds_.DictionarySplatPattern)) {
      continue;  // an ERROR inside the list (reported) or a Python 2 tuple parameter
    }
    if (Is(name_node, kinds_.ListSplatPattern)) {
      param.kind = Param::Kind::VarArgs;
      keyword_only = true;
    } else if (Is(name_node, kinds_.DictionarySplatPattern)) {
      param.kind = Param::Kind::KwArgs;
      if (bare_star) {
        break;  // reported below: `*` needs a named parameter before `**kwargs`
      }
    } else {
      param.keyword_only = keyword_only;
      bare_star.reset();
      // Python's own syntax error: defaults of positional parameters come last.
      if (!keyword_only) {
        if (param.default_value) {
          seen_default = true;
        } else if (seen_default) {
          sink_.Report(diag::Kind::SyntaxError, param.range, ": non-default argument follows default argument");
        }
      }
    }
    if (Is(name_node, kinds_.ListSplatPattern) || Is(name_node, kinds_.DictionarySplatPattern)) {
      name_node = name_node.NamedChildCount() > 0 ? name_node.NamedChild(0) : Node();
    }
    param.name = Identifier(name_node);
    function.params.push_back(std::move(param));
  }
  if (bare_star) {
    sink_.Report(diag::Kind::SyntaxError, *bare_star, ": named arguments must follow bare `*`");
  }
}

void Lowerer::ApplyDecorator(Node decorator, FunctionAttrs& attrs) {
  Node expression = decorator.NamedChildCount() > 0 ? decorator.NamedChild(0) : Node();
  ExprPtr expr = LowerExprOrError(expression, decorator.Range());
  const Expr& callee = CalleeOf(*expr);
  if (callee.kind == Expr::Kind::DialectRef) {
    const std::string path = callee.dialect_path;
    const size_t decorators_before = attrs.decorators.size();
    if (path.rfind("cython.", 0) == 0) {
      ApplyCythonDecorator(path, *expr, decorator, attrs);
    } else if (path == "numba.jit" || path == "numba.njit") {
      ApplyNumbaDecorator(path, *expr, decorator, attrs);
    }
    if (attrs.decorators.size() > decorators_before) {
      return;
    }
  }
  attrs.unknown_decorators.push_back(std::move(expr));
}

void Lowerer::ApplyCythonDecorator(const std::string& path, Expr& expr, Node decorator, FunctionAttrs& attrs) {
  const bool call = IsCall(expr);
  const std::string name = path.substr(7);
  auto recognised = [&] { attrs.decorators.push_back({path, decorator.Range(), ClassifyDialectPath(path)}); };
  // `@cython.X(True)` / `@cython.X(False)`; nullopt (reported) for anything else.
  auto bool_argument = [&]() -> std::optional<bool> {
    if (call && expr.args.size() == 1 && expr.keywords.empty() && expr.args[0]->kind == Expr::Kind::Bool) {
      return expr.args[0]->bool_value;
    }
    sink_.Report(diag::Kind::InvalidDecorator, decorator.Range(),
                 fmt::format("`@{}` takes one argument, `True` or `False`", path));
    return std::nullopt;
  };
  if (!call && (name == "cfunc" || name == "ccall" || name == "nogil" || name == "with_gil" || name == "inline")) {
    attrs.cfunc |= name == "cfunc";
    attrs.ccall |= name == "ccall";
    attrs.nogil |= name == "nogil";
    attrs.with_gil |= name == "with_gil";
    recognised();
  } else if (call && (name == "nogil" || name == "inline")) {
    // `@cython.nogil(True)` is `@cython.nogil`, `@cython.nogil(False)` is no decorator;
    // `@cython.inline(True)` is a hint to the C++ compiler either way.
    std::optional<bool> value = bool_argument();
    attrs.nogil |= name == "nogil" && value.value_or(false);
    if (name == "inline" || value.value_or(false)) {
      recognised();
    } else {
      attrs.decorators.push_back({path, decorator.Range(), DialectName::Other});
    }
  } else if (name == "boundscheck" || name == "wraparound" || name == "cdivision") {
    std::optional<bool> value = bool_argument();
    (name == "boundscheck" ? attrs.boundscheck : name == "wraparound" ? attrs.wraparound : attrs.cdivision) = value;
    recognised();
  } else if (name == "nonecheck" && call) {
    attrs.nonecheck = bool_argument();
    recognised();
  } else if (name == "binding" && call) {
    if (std::optional<bool> value = bool_argument()) {
      attrs.binding = value;
    }
    attrs.decorators.push_back({path, decorator.Range(), DialectName::Other});
  } else if (name == "annotation_typing") {
    // False: the function's annotations (parameters, return, locals) are not
    // types; everything stays a Python object, as in Cython. Applies to the
    // rest of this function's lowering (LowerFunction restores it).
    if (std::optional<bool> value = bool_argument()) {
      annotation_typing_ = *value;
    }
    attrs.decorators.push_back({path, decorator.Range(), DialectName::Other});
  } else if (name == "infer_types") {
    if (call && expr.args.size() == 1 && expr.keywords.empty() && expr.args[0]->kind == Expr::Kind::None) {
      attrs.infer_types = FunctionAttrs::Inference::Safe;
    } else if (std::optional<bool> value = bool_argument()) {
      attrs.infer_types = *value ? FunctionAttrs::Inference::Full : FunctionAttrs::Inference::Off;
    }
    attrs.decorators.push_back({path, decorator.Range(), DialectName::Other});
  } else if (name == "profile" || name == "linetrace") {
    // What pyxx generates already is what these ask for with False: no
    // profiling or tracing hooks.
    std::optional<bool> value = bool_argument();
    if (value && *value) {
      sink_.Report(diag::Kind::UnsupportedDecorator, decorator.Range(), Text(decorator.Range()).substr(1));
    }
    attrs.decorators.push_back({path, decorator.Range(), DialectName::Other});
  } else if (name == "final" && !call) {
    attrs.final_range = decorator.Range();
    attrs.decorators.push_back({path, decorator.Range(), DialectName::Other});
  } else if (name == "test_assert_path_exists" || name == "test_fail_if_path_exists") {
    // Cython's own test suite asserts on its syntax tree with these: nothing to do.
    attrs.decorators.push_back({path, decorator.Range(), DialectName::Other});
  } else if (name == "returns" && call) {
    if (expr.args.size() == 1 && expr.keywords.empty()) {
      attrs.returns = CTypeFromExpr(*expr.args[0]);  // a C type context for Cython
    } else {
      sink_.Report(diag::Kind::InvalidDecorator, decorator.Range(),
                   "`@cython.returns` takes one argument, the return type");
    }
    recognised();
  } else if (name == "exceptval" && call) {
    // Shadow's signature: exceptval(value=None, *, check=True).
    attrs.has_exceptval = true;
    if (expr.args.size() > 1) {
      sink_.Report(diag::Kind::InvalidDecorator, expr.args_range,
                   "`@cython.exceptval` takes a value and `check=True` or `check=False`");
    } else if (!expr.args.empty() && expr.args[0]->kind != Expr::Kind::None) {
      attrs.exceptval_value = std::move(expr.args[0]);
    }
    for (Keyword& keyword : expr.keywords) {
      if (keyword.name == "check" && keyword.value->kind == Expr::Kind::Bool) {
        attrs.exceptval_check = keyword.value->bool_value;
      } else if (keyword.name == "value" && expr.args.empty() && !attrs.exceptval_value) {
        if (keyword.value->kind != Expr::Kind::None) {
          attrs.exceptval_value = std::move(keyword.value);
        }
      } else {
        sink_.Report(diag::Kind::InvalidDecorator, keyword.name_range,
                     "`@cython.exceptval` takes a value and `check=True` or `check=False`");
      }
    }
    recognised();
  } else if (name == "locals" && call) {
    for (Keyword& keyword : expr.keywords) {
      attrs.locals.emplace_back(keyword.name, CTypeFromExpr(*keyword.value));  // a C type context for Cython
    }
    if (!expr.args.empty()) {
      sink_.Report(diag::Kind::InvalidDecorator, expr.args_range,
                   "`@cython.locals` takes keyword arguments only: `@cython.locals(name=cython.int)`");
    }
    recognised();
  }
}

void Lowerer::ApplyNumbaDecorator(const std::string& path, Expr& expr, Node decorator, FunctionAttrs& attrs) {
  attrs.numba = true;
  attrs.numba_nopython |= path == "numba.njit";
  attrs.decorators.push_back({path, decorator.Range(), ClassifyDialectPath(path)});
  if (!IsCall(expr)) {
    return;
  }
  for (ExprPtr& arg : expr.args) {
    if (arg->kind == Expr::Kind::String && !attrs.has_numba_signature) {
      ParseNumbaSignature(*arg, attrs);
    } else {
      sink_.Report(diag::Kind::InvalidDecorator, arg->range,
                   fmt::format("`@{}` takes one signature string, such as \"int64(int64)\"", path.substr(6)));
    }
  }
  for (Keyword& keyword : expr.keywords) {
    const bool is_bool = keyword.value->kind == Expr::Kind::Bool;
    if (keyword.name == "nopython" || keyword.name == "nogil") {
      if (!is_bool) {
        sink_.Report(diag::Kind::InvalidDecorator, keyword.value->range,
                     fmt::format("`{}=` takes `True` or `False`", keyword.name));
        continue;
      }
      (keyword.name == "nopython" ? attrs.numba_nopython : attrs.numba_nogil) = keyword.value->bool_value;
      if (path == "numba.njit" && keyword.name == "nopython") {
        attrs.numba_nopython = true;  // njit is always nopython
      }
    }
    // cache=, fastmath=, parallel=, error_model=, ... change nothing pyxx generates.
  }
}

}  // namespace pyxx::syntax
