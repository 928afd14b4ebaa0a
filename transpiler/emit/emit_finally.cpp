// `try`/`finally` whose finally block may leave it by `return`, `break` or
// `continue` (the checker's fact `finally_jumps`). Python then drops the
// exception being propagated, or replaces the pending return or jump. Such a
// block cannot be a pyxx::Finally guard (a lambda run by a destructor cannot
// return from the function or leave its loop), so it is emitted inline after
// the `try`: the exception is held in a pyxx::PendingException, and the jumps
// out of the other blocks record what they were doing (`leave`, the return
// value) and `goto` the finally block, which makes that jump last
// (runtime/errors_python.hpp shows the shape). Other `try` statements keep the
// guard: nothing here adds to their code.
#include <fmt/format.h>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {

auto LeaveName(bool is_break) -> const char* { return is_break ? "pyxx::Leave::kBreak" : "pyxx::Leave::kContinue"; }

}  // namespace

void Emitter::EmitJumpingFinally(const Stmt& s) {
  const checked::JumpKinds& through = module_.Of(s).jumps_through;
  Line("{");
  indent_ += 2;
  const int slot_mark = next_slot_;
  const std::string pending = Temp("pending");
  Line(fmt::format("pyxx::PendingException {};", pending));
  FinallyExit exit;
  exit.loops = loop_flags_.size();
  if (through.any()) {
    exit.label = Temp("finally");
    exit.leave = Temp("leave");
    Line(fmt::format("pyxx::Leave {} = pyxx::Leave::kNormal;", exit.leave));
    if (through.return_ && fn_ != nullptr && !fn_->return_type.IsVoid()) {
      exit.value = Temp("returned");
      const Type& rt = fn_->return_type;
      Line(rt.IsObject() ? fmt::format("pyxx::Ref {};", exit.value)
                         : fmt::format("{} {}{{}};", ReturnCpp(rt), exit.value));
    }
  }
  Line("try {");
  indent_ += 2;
  finally_exits_.push_back(exit);
  if (s.handlers.empty()) {
    EmitBlock(s.blocks[0]);
  } else {
    EmitTryExcept(s);
  }
  finally_exits_.pop_back();
  indent_ -= 2;
  Line("} catch (...) {");
  // The error's traceback entry for this function keeps the line it left the
  // `try` block from, whatever the finally block runs.
  Line(fmt::format("  {}.catch_propagating(pyxx_source_file{});", pending, track_line_ ? ", &pyxx_site" : ""));
  Line("}");
  if (!exit.label.empty()) {
    Line(exit.label + ":");
  }
  if (const std::string clear = ClearFrameFrom(slot_mark); !clear.empty()) {
    Line(clear);  // what the `try` held when an exception or a jump left it
  }
  runtime_line_ = 0;  // reached from every block of the `try`
  Line("try {");
  indent_ += 2;
  EmitBlock(s.finally_block);
  indent_ -= 2;
  Line("} catch (...) {");
  Line(fmt::format("  {}.replace();", pending));
  Line("}");
  runtime_line_ = 0;
  Line(fmt::format("{}.raise_again({});", pending, track_line_ ? "&pyxx_site" : ""));
  // The block completed: the jump that entered it is made now (through the
  // next finally block that jumps, if any).
  if (through.return_) {
    Line(fmt::format("if ({} == pyxx::Leave::kReturn) {{", exit.leave));
    indent_ += 2;
    // A local: `return v;` moves it.
    EmitReturnValue(exit.value.empty()                           ? ""
                    : finally_exits_.empty() && !single_exit_ ? exit.value
                                                                 : fmt::format("std::move({})", exit.value));
    indent_ -= 2;
    Line("}");
  }
  for (const bool is_break : {true, false}) {
    if (is_break ? through.break_ : through.continue_) {
      Line(fmt::format("if ({} == {}) {{", exit.leave, LeaveName(is_break)));
      indent_ += 2;
      EmitLoopJump(is_break);
      indent_ -= 2;
      Line("}");
    }
  }
  indent_ -= 2;
  Line("}");
}

void Emitter::EmitLoopJump(bool is_break) {
  if (!finally_exits_.empty() && finally_exits_.back().loops == loop_flags_.size()) {
    const FinallyExit& exit = finally_exits_.back();  // the loop is outside that `try`
    Line(fmt::format("{} = {};", exit.leave, LeaveName(is_break)));
    Line(fmt::format("goto {};", exit.label));
    return;
  }
  if (is_break && !loop_flags_.empty() && !loop_flags_.back().empty()) {
    Line(loop_flags_.back() + " = true;");
  }
  if (!loop_slot_marks_.empty()) {
    EmitSlotDrops(loop_slot_marks_.back(), next_slot_);  // what the loop body's statements hold
  }
  Line(is_break ? "break;" : "continue;");
}

void Emitter::EmitReturnValue(const std::string& value) {
  if (!finally_exits_.empty()) {
    const FinallyExit& exit = finally_exits_.back();
    if (!value.empty()) {
      Line(fmt::format("{} = {};", exit.value, value));
    }
    Line(fmt::format("{} = pyxx::Leave::kReturn;", exit.leave));
    Line(fmt::format("goto {};", exit.label));
    return;
  }
  if (single_exit_ && !value.empty()) {  // see single_exit_
    Line(fmt::format("pyxx_return_value = {};", value));
    // Released before the `finally` blocks and `__exit__` calls the jump runs, as Python does.
    EmitSlotDrops(frame_base_, next_slot_);
    Line("goto pyxx_return;");
    exit_jumped_ = true;
    return;
  }
  Line(value.empty() ? "return;" : fmt::format("return {};", value));
}

}  // namespace pyxx::emit
