using System.Collections.Generic;
using System.Linq;
using Tutor.Generator.Model;
using Tutor.Rules;

namespace Tutor.Generator.Emit
{
    /// <summary>
    /// Reverse mode: {Name}Gradient, and {Name}Trace, which is the same code with every step recorded.
    /// Each block runs its forward steps, declares the adjoints of the values it defined, runs its branch or seeds
    /// the output, then walks its own steps backwards — so the backward sweep of a path is the path reversed.
    /// Loops: ReverseEmitter.Loops.cs.
    /// </summary>
    internal sealed partial class ReverseEmitter
    {
        readonly MethodModel m;
        readonly CodeWriter w;
        readonly bool trace;
        readonly IrNames ir;

        ReverseEmitter(MethodModel m, CodeWriter w, bool trace)
        {
            this.m = m;
            this.w = w;
            this.trace = trace;
            ir = new IrNames(m);
        }

        /// <summary>The one tape of the method: the loops push and pop in strict last-in, first-out order, so they share it.</summary>
        string Tape => ir.Loops[0].Tape;

        public static void EmitGradient(MethodModel m, CodeWriter w) => new ReverseEmitter(m, w, trace: false).Emit();
        public static void EmitTrace(MethodModel m, CodeWriter w) => new ReverseEmitter(m, w, trace: true).Emit();

        public const string Generated = "[global::System.CodeDom.Compiler.GeneratedCode(\"Tutor.Generator\", \"1.0\")]";

        void Emit()
        {
            var differentiable = m.Parameters.Where(p => p.Differentiable).ToList();
            var withRespectTo = string.Join(", ", differentiable.Select(p => p.Name));
            var parameters = string.Join(", ", m.Parameters.Select(p => p.Declaration));
            if (trace)
            {
                w.Line("/// <summary>");
                w.Line($"/// Runs <see cref=\"{m.CrefSignature}\"/> forward and backward like <c>{m.Name}Gradient</c> and records every step");
                w.Line("/// with its numbers: values in evaluation order, then each chain-rule contribution in reverse order.");
                w.Line("/// </summary>");
                w.Line(Generated);
                w.Open($"{m.Accessibility} static global::Tutor.Trace {m.Name}Trace({parameters})");
                w.Line($"var {ir.Trace} = new global::Tutor.TraceBuilder(\"{m.Name}\", \"{(m.ReturnType == "float" ? "float32" : "float64")}\");");
                foreach (var p in m.Parameters)
                {
                    if (p.Type is "double" or "float" or "int" or "long")
                        w.Line($"{ir.Trace}.Input(\"{p.Name}\", {p.Escaped}, {(p.Differentiable ? "true" : "false")});");
                    else if (p.Type is "double[]" or "float[]")
                    {
                        var i = m.Parameters.Any(q => q.Name == "i") ? "i_" : "i";
                        w.Line($"for (int {i} = 0; {i} < {p.Escaped}.Length; {i}++) {ir.Trace}.Input($\"{p.Name}[{{{i}}}]\", {p.Escaped}[{i}], {(p.Differentiable ? "true" : "false")});");
                    }
                }
            }
            else
            {
                var tuple = string.Join(", ", new[] { m.ReturnType + " Value" }.Concat(differentiable.Select(p => p.Type + " d" + p.Name)));
                w.Line("/// <summary>");
                w.Line($"/// Reverse mode (backpropagation) for <see cref=\"{m.CrefSignature}\"/>: its value and its partial derivatives");
                w.Line($"/// with respect to {withRespectTo}, from one forward sweep and one backward sweep.");
                w.Line("/// </summary>");
                w.Line("/// <returns>The value, then ∂f/∂p for each differentiable parameter p, in parameter order (an array parameter gets an array).</returns>");
                w.Line(Generated);
                w.Open($"{m.Accessibility} static ({tuple}) {m.Name}Gradient({parameters})");
            }
            TensorCode.BeginShapeErrors(w, ir.HasTensors);
            w.Line($"{m.ReturnType} {ir.Value};");
            foreach (var p in m.Parameters)
                if (p.Copy is { } copy) w.Line(copy, $"{p.Name}, under a name that leaves {p.Name}Bar and {p.Name}Dot free");
            if (ir.Loops.Count > 0)
                w.Line($"var {Tape} = global::Tutor.Tape.Rent();", "what the backward sweeps of the loops need, per iteration (they pop it in the reverse order)");
            EmitBlock(m.Body, top: true);
            if (ir.Loops.Count > 0) w.Line($"global::Tutor.Tape.Return({Tape});");
            if (trace)
                w.Line($"return {ir.Trace}.Build({ir.Value});");
            else
                w.Line("return (" + string.Join(", ", new[] { ir.Value }.Concat(differentiable.Select(p => p.IrName + "Bar"))) + ");");
            TensorCode.EndShapeErrors(w, m, ir.HasTensors);
            w.Close();
        }

        void EmitBlock(Block block, bool top, List<Stmt>? outer = null)
        {
            var steps = block.Statements.Take(block.Statements.Count - 1).ToList();
            var visible = (outer ?? new List<Stmt>()).Concat(steps).ToList();
            var terminal = block.Statements[block.Statements.Count - 1];
            if (top && steps.Count > 0) w.Line("// Forward sweep: one step per line; every value is kept for the backward sweep.");
            foreach (var step in steps) EmitForward(step);

            var adjoints = new List<(string Name, string Type, string? Length)>();
            if (top)
                adjoints.AddRange(m.Parameters.Where(p => p.Differentiable).Select(p => (p.IrName, p.Type, p.Type.EndsWith("[]") ? p.IrName + ".Length" : null)));
            adjoints.AddRange(Adjoints(steps));
            if (adjoints.Count > 0 && top) w.Line("// Adjoints v̄ = ∂f/∂v start at 0 and collect one contribution per use of v.");
            DeclareAdjoints(adjoints);

            switch (terminal)
            {
                case Return ret:
                    w.Line($"{ir.Value} = {ret.Value.Code};", $"f = {Pretty(ret.Value)}");
                    if (!trace) EmitNonFiniteCheck(visible);
                    if (ret.Value.Active)
                    {
                        w.Line($"{ret.Value.Code}Bar = 1;", $"seed: ∂f/∂{Pretty(ret.Value)} = 1");
                        if (trace) w.Line($"{ir.Trace}.Seed({Name(ret.Value.Code)});");
                    }
                    if (steps.Any(HasBackward))
                        w.Line("// Backward sweep: the steps in reverse; each line is one chain-rule step v̄ += w̄ · ∂w/∂v.");
                    break;
                case If branch:
                    var condition = Conditions.CSharp(branch.Condition);
                    w.Open($"if ({condition})");
                    if (trace) w.Line($"{ir.Trace}.Branch({Literal(condition)}, true);");
                    EmitBlock(branch.Then, top: false, visible);
                    w.Close();
                    w.Open("else");
                    if (trace) w.Line($"{ir.Trace}.Branch({Literal(condition)}, false);");
                    EmitBlock(branch.Else, top: false, visible);
                    w.Close();
                    if (steps.Any(HasBackward))
                        w.Line("// Backward sweep through the steps before the branch.");
                    break;
            }

            for (int i = steps.Count - 1; i >= 0; i--) EmitBackward(steps[i]);
        }

        /// <summary>
        /// When the value is NaN or ∞, hand every value still in scope (the inputs, then the steps in the order they ran;
        /// a variable a loop carries counts where the loop ends) to Tutor.Training.NonFinite.Record, which keeps the
        /// first non-finite one for TrainingMonitor. One comparison on the normal path.
        /// </summary>
        void EmitNonFiniteCheck(List<Stmt> visible)
        {
            var entries = new List<(string Code, string Text)>();
            foreach (var p in m.Parameters)
                if (IsCheckable(p.Type)) entries.Add((p.IrName, p.Name));
            var carried = new HashSet<string>(visible.OfType<Loop>().SelectMany(l => CarriedBy(l.Body)));
            foreach (var step in visible)
            {
                if (step is Let let && IsCheckable(let.Type) && !carried.Contains(let.Name))
                    entries.Add((let.Name, $"{MathNames.Pretty(let.Name)} = {PrettyNames(let.Display.Length > 0 ? let.Display : let.Code)}@{let.Line}"));
                else if (step is Loop loop)
                    foreach (var name in CarriedBy(loop.Body).Distinct())
                        if (visible.OfType<Let>().FirstOrDefault(l => l.Name == name) is { } variable && IsCheckable(variable.Type))
                            entries.Add((name, $"{MathNames.Pretty(name)} after the loop at line {loop.Line}@{loop.Line}"));
            }
            if (entries.Count == 0) return;
            var type = m.ReturnType == "float" ? "float" : "double";
            w.Line($"if (!{type}.IsFinite({ir.Value}))", "NaN or ∞: remember the first step that made one (TrainingMonitor names it)");
            w.Line($"    global::Tutor.Training.NonFinite.Record(\"{m.Name}\", \"{m.SourceFile}\", {Literal(string.Join("\n", entries.Select(e => e.Text)))}, {string.Join(", ", entries.Select(e => e.Code))});");
        }

        /// <summary>Every identifier in <paramref name="text"/> written the way the comments write it (t1 → t₁).</summary>
        static string PrettyNames(string text) =>
            System.Text.RegularExpressions.Regex.Replace(text, @"(?<![.\w])[A-Za-z_]\w*", match => MathNames.Pretty(match.Value));

        static bool IsCheckable(string type) => type is "double" or "float" or "double[]" or "float[]" || TensorTypes.IsTensor(type);

        /// <summary>The variables a loop body writes back at the end of an iteration (not those of loops nested in it).</summary>
        static IEnumerable<string> CarriedBy(Block body)
        {
            foreach (var statement in body.Statements)
            {
                if (statement is LoopEnd end)
                    foreach (var write in end.Writes) yield return write.Mutable;
                else if (statement is If branch)
                {
                    foreach (var name in CarriedBy(branch.Then)) yield return name;
                    foreach (var name in CarriedBy(branch.Else)) yield return name;
                }
            }
        }

        /// <summary>The adjoints of the values these steps define: a scalar starts at 0, an array at all zeros.</summary>
        static IEnumerable<(string Name, string Type, string? Length)> Adjoints(IEnumerable<Stmt> steps) =>
            steps.OfType<Let>().Where(l => l.Active).Select(l => (l.Name, l.Type, l.Kind == StepKind.NewArray ? l.Args[0].Code : (string?)null));

        void DeclareAdjoints(List<(string Name, string Type, string? Length)> adjoints)
        {
            foreach (var tensor in adjoints.Where(a => TensorTypes.IsTensor(a.Type)))
                w.Line($"var {tensor.Name}Bar = {tensor.Type}.ZerosLike({tensor.Name});", $"{MathNames.Pretty(tensor.Name + "Bar")}: zeros of {MathNames.Pretty(tensor.Name)}'s shape");
            foreach (var group in adjoints.Where(a => a.Length is null && !TensorTypes.IsTensor(a.Type)).GroupBy(a => a.Type))
                foreach (var chunk in Chunks(group.Select(a => a.Name + "Bar = 0").ToList(), 6))
                    w.Line($"{group.Key} {string.Join(", ", chunk)};");
            foreach (var array in adjoints.Where(a => a.Length is not null))
                w.Line($"{array.Type} {array.Name}Bar = new {array.Type.Replace("[]", "[" + array.Length + "]")};", $"{MathNames.Pretty(array.Name + "Bar")}: one adjoint per element");
        }

        static bool HasBackward(Stmt step) => step is Let { Active: true } || step is Store { Array.Active: true } || step is Loop;

        static IEnumerable<List<string>> Chunks(List<string> items, int size)
        {
            for (int i = 0; i < items.Count; i += size) yield return items.Skip(i).Take(size).ToList();
        }

        /// <param name="record">False when a step is recomputed in the backward sweep: the trace has it already.</param>
        void EmitForward(Stmt step, bool record = true)
        {
            switch (step)
            {
                case Effect effect:
                    w.Line(effect.Code);
                    return;
                case Store store:
                    w.Line($"{store.Array.Code}[{store.Index.Code}] = {store.Value.Code};", $"{MathNames.Pretty(store.Array.Code)}[{Pretty(store.Index)}] = {Pretty(store.Value)}");
                    return;
                case Loop loop:
                    EmitLoopForward(loop);
                    return;
            }
            var let = (Let)step;
            switch (let.Kind)
            {
                case StepKind.Constant:
                    w.Line($"{let.Type} {let.Name} = {let.Code};", $"{MathNames.Pretty(let.Name)} = {let.Code}   (constant: no derivative)");
                    break;
                case StepKind.Load:
                    w.Line($"{let.Type} {let.Name} = {let.Args[0].Code}[{let.Args[1].Code}];", $"{MathNames.Pretty(let.Name)} = {MathNames.Pretty(let.Args[0].Code)}[{Pretty(let.Args[1])}]");
                    break;
                case StepKind.NewArray:
                    w.Line($"{let.Type} {let.Name} = new {let.Type.Replace("[]", "[" + let.Args[0].Code + "]")};");
                    break;
                case StepKind.TensorOp:
                    TensorCode.EmitForward(w, let);
                    break;
                case StepKind.ToScalar:
                    w.Line($"{let.Type} {let.Name} = {let.Args[0].Code}.ToScalar();", $"{MathNames.Pretty(let.Name)} = {MathNames.Pretty(let.Args[0].Code)}, the one element of a one-element tensor");
                    break;
                case StepKind.Rule:
                    var rule = ScalarRules.Find(let.Op)!;
                    var code = new RuleCode(let.Args, let.Name, let.Type == "float");
                    var forward = code.Forward(rule);
                    if (let.Op == "Copy" && ir.TypeOf(let.Args[0]) != let.Type && !let.Args[0].IsLiteral) forward = $"({let.Type}){forward}";
                    w.Line($"{let.Type} {let.Name} = {forward};", $"{MathNames.Pretty(let.Name)} = {code.Pretty(Synthetic(rule))}");
                    break;
                case StepKind.Call:
                    var call = let.Call!;
                    var args = string.Join(", ", let.Args.Select(a => a.Code));
                    if (let.Active)
                    {
                        var partials = Enumerable.Range(1, call.DifferentiableParameters.Count(f => f)).Select(j => $"{let.Name}_d{j}");
                        w.Line($"var ({let.Name}, {string.Join(", ", partials)}) = {call.TypeName}.{call.Method}Gradient({args});",
                            $"{MathNames.Pretty(let.Name)} = {call.Method}(…), with its partial derivatives from {call.Method}Gradient");
                    }
                    else
                    {
                        w.Line($"{let.Type} {let.Name} = {call.TypeName}.{call.Method}({args});", $"{MathNames.Pretty(let.Name)} = {let.Display}");
                    }
                    break;
            }
            // Traces hold numbers: tensor steps are left out (see docs/generator.md, "Tensors").
            if (trace && record && let.Kind is not (StepKind.NewArray or StepKind.TensorOp) && (let.Kind != StepKind.Constant || let.Type is "double" or "float" or "int" or "long"))
            {
                var operands = let.Args.Count == 0 ? "global::System.Array.Empty<string>()"
                    : let.Kind == StepKind.Load ? "new[] { " + Element(let.Args[0], let.Args[1]) + " }"
                    : "new[] { " + string.Join(", ", let.Args.Select(a => a.IsLiteral ? Literal(a.Code) : Name(a.Code))) + " }";
                var op = let.Kind == StepKind.Load ? "Load" : let.Kind == StepKind.Constant ? "Const" : let.Op;
                w.Line($"{ir.Trace}.Forward({Name(let.Name)}, \"{op}\", {Literal(let.Display)}, {operands}, {let.Name});");
            }
        }

        static RuleExpr Synthetic(ScalarRule rule) =>
            new RuleCall(rule.Name, Enumerable.Range(0, rule.Arity).Select(i => (RuleExpr)new RuleSymbol((char)('a' + i))).ToArray());

        void EmitBackward(Stmt step)
        {
            switch (step)
            {
                case Store { Array.Active: true } store:
                    var element = $"{store.Array.Code}Bar[{store.Index.Code}]";
                    if (store.Value.Active)
                        w.Line(Contribute(store.Value.Code + "Bar", "+=", element), $"{MathNames.Pretty(store.Value.Code + "Bar")} += {MathNames.Pretty(store.Array.Code + "Bar")}[{Pretty(store.Index)}]   (the stored value)");
                    if (store.Accumulates && !trace) return; // a[i] += v: ā[i] also stands for the old value (see Store)
                    w.Line($"{element} = 0;", "the element was overwritten: its old value no longer reaches f");
                    return;
                case Loop loop:
                    EmitLoopBackward(loop);
                    return;
                case Let { Active: true } let:
                    EmitBackward(let);
                    return;
            }
        }

        void EmitBackward(Let let)
        {
            var source = let.Name + "Bar";
            switch (let.Kind)
            {
                case StepKind.Load when let.Op == "LoadAccumulated" && !trace:
                    return; // its adjoint is the element's, which the accumulating store left in place
                case StepKind.Load when sums.TryGetValue((let.Args[0].Code, let.Args[1].Code), out var sum):
                    w.Line($"{sum} += {source};", $"{MathNames.Pretty(let.Args[0].Code + "Bar")}[{Pretty(let.Args[1])}] += {MathNames.Pretty(source)}, summed over the iterations");
                    return;
                case StepKind.Load:
                    var element = $"{let.Args[0].Code}Bar[{let.Args[1].Code}]";
                    w.Line($"{element} += {source};", $"{MathNames.Pretty(let.Args[0].Code + "Bar")}[{Pretty(let.Args[1])}] += {MathNames.Pretty(source)}");
                    if (trace) w.Line($"{ir.Trace}.Backward({Element(let.Args[0], let.Args[1])}, {Name(let.Name)}, {source}, 1, {element}, \"∂a[i]/∂a[i] = 1\");");
                    return;
                case StepKind.Call:
                    EmitCallBackward(let, source);
                    return;
                case StepKind.TensorOp:
                    TensorCode.EmitBackward(w, let);
                    return;
                case StepKind.ToScalar:
                    w.Line($"{let.Args[0].Code}Bar[0] += {source};", $"{MathNames.Pretty(let.Args[0].Code + "Bar")} += {MathNames.Pretty(source)}   (its one element)");
                    return;
                case StepKind.Rule:
                    break;
                default:
                    return;
            }

            var rule = ScalarRules.Find(let.Op)!;
            var code = new RuleCode(let.Args, let.Name, let.Type == "float");
            for (int i = 0; i < rule.Arity; i++)
            {
                var arg = let.Args[i];
                if (!arg.Active) continue;
                var partial = RuleCode.Partial(rule, i);
                if (partial is RuleNumber { Value: 0 }) continue;
                var target = arg.Code + "Bar";
                var cast = Cast(arg, let);
                var (op, contribution) = partial switch
                {
                    RuleNumber { Value: 1 } => ("+=", source),
                    RuleCall { Op: "Neg", Args: var n } when n[0] is RuleNumber { Value: 1 } => ("-=", source),
                    RuleCall { Op: "Neg", Args: var n } => ("-=", $"{source} * {code.CSharp(n[0]).AtLeast(3)}"),
                    RuleCall { Op: "Div", Args: var d } when d[0] is RuleNumber { Value: 1 } => ("+=", $"{source} / {code.CSharp(d[1]).AtLeast(3)}"),
                    _ => ("+=", $"{source} * {code.CSharp(partial).AtLeast(3)}"),
                };
                var line = Contribute(target, op, cast.Length == 0 || contribution == source ? cast + contribution : cast + "(" + contribution + ")");
                var comment = $"{MathNames.Pretty(target)} += {MathNames.Pretty(source)} · {code.PrettyFactor(partial)}";
                if (let.Op != "Copy") comment += $"   (∂{code.PrettyGrouped(Synthetic(rule))}/∂{Pretty(arg)})";
                w.Line(line, comment);
                if (trace)
                    w.Line($"{ir.Trace}.Backward({Name(arg.Code)}, {Name(let.Name)}, {source}, {code.CSharp(partial).Code}, {target}, {Literal(NotationFor(rule, i))});");
            }
        }

        void EmitCallBackward(Let let, string source)
        {
            var call = let.Call!;
            int j = 0;
            for (int i = 0; i < call.DifferentiableParameters.Count && i < let.Args.Count; i++)
            {
                if (!call.DifferentiableParameters[i]) continue;
                j++;
                var arg = let.Args[i];
                if (!arg.Active) continue;
                var local = $"{let.Name}_d{j}";
                var comment = $"{MathNames.Pretty(arg.Code + "Bar")} += {MathNames.Pretty(source)} · ∂{call.Method}/∂(argument {i + 1})";
                if (call.ParameterTypes[i].EndsWith("[]"))
                {
                    w.Line($"global::Tutor.Adjoints.AddScaled({arg.Code}Bar, {source}, {local});", comment + ", element by element");
                    continue;
                }
                w.Line(Contribute(arg.Code + "Bar", "+=", $"{Cast(arg, let)}({source} * {local})"), comment);
                if (trace) w.Line($"{ir.Trace}.Backward({Name(arg.Code)}, {Name(let.Name)}, {source}, {local}, {arg.Code}Bar, \"chain rule through {call.Method}\");");
            }
        }

        /// <summary>
        /// Inside a loop's backward sweep, the scalar adjoints of the current iteration that still hold the 0 they were
        /// declared with: their first contribution is written <c>v̄ = …</c> rather than <c>v̄ += …</c>. The numbers are the
        /// same (0 + c = c), but the JIT must keep a floating-point <c>0 + c</c> (it differs from c for c = −0), and a
        /// chain of them costs an addition's latency per step in every iteration.
        /// </summary>
        HashSet<string> fresh = new HashSet<string>();

        /// <summary><c>target op value;</c>, or <c>target = ±value;</c> when the target still holds its initial 0.</summary>
        string Contribute(string target, string op, string value)
        {
            if (!fresh.Remove(target)) return $"{target} {op} {value};";
            if (op == "+=") return $"{target} = {value};";
            return $"{target} = -{(System.Text.RegularExpressions.Regex.IsMatch(value, "^[A-Za-z_][A-Za-z0-9_]*$") ? value : "(" + value + ")")};";
        }

        /// <summary>The trace name of an array element with its actual index: x[2] rather than x[i].</summary>
        static string Element(Atom array, Atom index) =>
            index.IsLiteral ? Literal(array.Code + "[" + index.Code.Trim('(', ')') + "]") : "$\"" + array.Code + "[{" + index.Code + "}]\"";

        /// <summary>The part of the rule's notation for one operand: "∂(a/b)/∂b = −a/b²" rather than both partials.</summary>
        internal static string NotationFor(ScalarRule rule, int operand)
        {
            var parts = rule.Notation.Split(new[] { ", ∂" }, System.StringSplitOptions.None);
            if (parts.Length != rule.Arity) return rule.Notation;
            return operand == 0 ? parts[0] : "∂" + parts[operand];
        }

        /// <summary>A float adjoint receiving a contribution computed in double needs an explicit narrowing.</summary>
        string Cast(Atom arg, Let let) => ir.TypeOf(arg) == "float" && let.Type != "float" ? "(float)" : "";

        static string Pretty(Atom atom) => atom.IsLiteral ? atom.Code.Trim('(', ')') : MathNames.Pretty(atom.Code);

        internal static string Literal(string text) =>
            "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "") + "\"";
    }
}
