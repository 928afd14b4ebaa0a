// Python's evaluation order in C++: operands are emitted left to right, and an
// operand whose evaluation could be observed out of order is bound to a
// temporary, a statement of its own, before the next operand's statements.
// C++ leaves the order of function arguments and of most operands unspecified;
// statements are the one order it guarantees everywhere.
#include <fmt/format.h>

#include <algorithm>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {
// An object operand's text longer than this gets a statement of its own.
constexpr size_t kLongOperand = 60;
}  // namespace

auto Emitter::Declare(const std::string& type, const std::string& init) -> std::string {
  std::string name = Temp("t");
  ++scope_temps_;
  if (frame_on_ && type == "pyxx::Ref") {
    const int slot = next_slot_++;
    frame_size_ = std::max(frame_size_, next_slot_);
    Line(init.empty() ? fmt::format("pyxx::Ref& {} = pyxx_frame[{}];", name, slot)
                      : fmt::format("pyxx::Ref& {} = pyxx_frame.hold({}, {});", name, slot, init));
    return name;
  }
  if (init.empty()) {
    Line(type == "pyxx::Ref" ? fmt::format("pyxx::Ref {};", name) : fmt::format("{} {}{{}};", type, name));
  } else {
    Line(fmt::format("{} {} = {};", type, name, init));
  }
  return name;
}

void Emitter::Materialize(CppExpr& value, const std::string& type) {
  if (value.pending == kPure) {
    return;
  }
  if (value.ref_lvalue && type == "pyxx::Ref" && (value.pending & kReads) != 0) {
    // A variable in a cell: a later operand may call an inner function that rebinds
    // it, so its value now is kept (the `pyxx::bound` check, if any, runs here too).
    value.text = Declare(type, fmt::format("pyxx::Ref::borrow({}.get())", value.text));
  } else if (value.ref_lvalue && type == "pyxx::Ref") {
    // A checked read of an object local (pyxx::bound): check it now, read the local later
    // (nothing between can rebind a local).
    Line(value.text + ";");
    value.text = value.text.substr(value.text.find('(') + 1, value.text.find(',') - value.text.find('(') - 1);
  } else {
    value.text = Declare(type, value.text);
    value.ref_lvalue = type == "pyxx::Ref";
  }
  value.pending = kPure;
}

auto Emitter::EmitInOrder(const std::vector<Operand>& operands) -> std::vector<CppExpr> {
  std::vector<CppExpr> done;
  done.reserve(operands.size());
  for (const auto& operand : operands) {
    size_t mark = out_.size();
    int temps = scope_temps_;
    CppExpr next = operand.emit();
    // Earlier operands whose text would be evaluated out of order with this one
    // get their temporaries before this one's statements.
    std::string after = out_.substr(mark);
    out_.resize(mark);
    int after_temps = scope_temps_ - temps;
    scope_temps_ = temps;
    for (size_t i = 0; i < done.size(); ++i) {
      if (Conflicts(done[i].pending, next.effect)) {
        Materialize(done[i], operands[i].type);
      }
    }
    out_ += after;
    scope_temps_ += after_temps;
    done.push_back(std::move(next));
    // One object operation a statement: an object operand that does anything gets its own.
    if (operand.type == "pyxx::Ref" && done.back().pending != kPure) {
      Materialize(done.back(), operand.type);
    } else if (operand.type == "pyxx::Ref" && !done.back().ref_lvalue && done.back().text.size() > kLongOperand) {
      // Short lines: a long object operand that does nothing observable (a
      // container display, a conversion) gets a statement too; evaluated now or
      // later, nothing can tell.
      done.back().text = Declare(operand.type, done.back().text);
      done.back().ref_lvalue = true;
    }
  }
  return done;
}

auto Emitter::Capture(const std::function<void()>& emit) -> std::string {
  size_t mark = out_.size();
  indent_ += 2;
  emit();
  indent_ -= 2;
  std::string written = out_.substr(mark);
  out_.resize(mark);
  return written;
}

void Emitter::Dedent(size_t from) {
  std::string text = out_.substr(from);
  out_.resize(from);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    end = end == std::string::npos ? text.size() : end + 1;
    std::string_view line(text.data() + pos, end - pos);
    if (line.size() >= 2 && line[0] == ' ' && line[1] == ' ') {
      line.remove_prefix(2);
    }
    out_.append(line);
    pos = end;
  }
}

void Emitter::Scoped(const std::function<void()>& emit) {
  int saved_temps = scope_temps_;
  scope_temps_ = 0;
  size_t mark = out_.size();
  const int slot_mark = next_slot_;
  indent_ += 2;
  emit();
  DropSlotsFrom(slot_mark);
  indent_ -= 2;
  if (scope_temps_ == 0) {
    Dedent(mark);
  } else {
    out_.insert(mark, std::string(static_cast<size_t>(indent_), ' ') + "{\n");
    Line("}");
  }
  scope_temps_ = saved_temps;
}

namespace {

// Is the last line of `out` a jump at `indent` (a statement of the block code
// at that indent would follow, so that code never runs)?
auto LastLineJumps(const std::string& out, int indent) -> bool {
  size_t end = out.size();
  while (end > 0 && out[end - 1] == '\n') --end;
  size_t begin = out.rfind('\n', end == 0 ? 0 : end - 1);
  begin = begin == std::string::npos ? 0 : begin + 1;
  std::string_view line(out.data() + begin, end - begin);
  int spaces = 0;
  while (!line.empty() && line.front() == ' ') {
    line.remove_prefix(1);
    ++spaces;
  }
  return spaces == indent && (line.rfind("goto ", 0) == 0 || line.rfind("return ", 0) == 0 || line == "return;" || line == "break;" ||
         line == "continue;");
}

}  // namespace

void Emitter::EmitSlotDrops(int from, int to) {
  if (from < to && LastLineJumps(out_, indent_)) {
    return;  // unreachable
  }
  for (int slot = to - 1; slot >= from; --slot) {
    Line(fmt::format("pyxx_frame.drop({});", slot));
  }
}

void Emitter::DropSlotsFrom(int mark) {
  EmitSlotDrops(mark, next_slot_);
  next_slot_ = std::min(next_slot_, mark);
}

void Emitter::WithoutFrame(const std::function<void()>& emit) {
  const bool saved = frame_on_;
  frame_on_ = false;
  emit();
  frame_on_ = saved;
}

auto Emitter::ClearFrameFrom(int mark) const -> std::string {
  return frame_on_ ? fmt::format("pyxx_frame.clear_from({});", mark) : "";
}

}  // namespace pyxx::emit
