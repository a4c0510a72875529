using System.Collections.Generic;
using System.Linq;
using Tutor.Generator.Model;
using Tutor.Rules;

namespace Tutor.Generator.Emit
{
    /// <summary>
    /// Forward mode: {Name}Jvp. Every step is followed by its tangent, ẇ = Σ ∂w/∂v · v̇, so one call gives the
    /// directional derivative along the tangent arguments.
    /// </summary>
    internal sealed class ForwardEmitter
    {
        readonly MethodModel m;
        readonly CodeWriter w;
        readonly IrNames ir;

        ForwardEmitter(MethodModel m, CodeWriter w)
        {
            this.m = m;
            this.w = w;
            ir = new IrNames(m);
        }

        public static void Emit(MethodModel m, CodeWriter w) => new ForwardEmitter(m, w).Emit();

        void Emit()
        {
            var differentiable = m.Parameters.Where(p => p.Differentiable).ToList();
            var parameters = string.Join(", ", m.Parameters.Select(p => p.Declaration).Concat(differentiable.Select(p => p.Type + " " + p.IrName + "Dot")));
            w.Line("/// <summary>");
            w.Line($"/// Forward mode for <see cref=\"{m.CrefSignature}\"/>: its value and its directional derivative");
            w.Line($"/// Σ ∂f/∂p · ṗ along the tangent ({string.Join(", ", differentiable.Select(p => p.IrName + "Dot"))}), computed alongside the value in one sweep.");
            w.Line("/// </summary>");
            foreach (var p in differentiable)
                w.Line($"/// <param name=\"{p.IrName}Dot\">The tangent of <paramref name=\"{p.Name}\"/>: how fast it moves along the direction.</param>");
            w.Line(ReverseEmitter.Generated);
            w.Open($"{m.Accessibility} static ({m.ReturnType} Value, {m.ReturnType} Tangent) {m.Name}Jvp({parameters})");
            TensorCode.BeginShapeErrors(w, ir.HasTensors);
            foreach (var p in m.Parameters)
                if (p.Copy is { } copy) w.Line(copy);
            EmitBlock(m.Body);
            TensorCode.EndShapeErrors(w, m, ir.HasTensors);
            w.Close();
        }

        void EmitBlock(Block block)
        {
            foreach (var statement in block.Statements)
            {
                switch (statement)
                {
                    case Effect effect:
                        w.Line(effect.Code);
                        break;
                    case Let let:
                        EmitStep(let);
                        break;
                    case Store store:
                        w.Line($"{store.Array.Code}[{store.Index.Code}] = {store.Value.Code};");
                        if (store.Array.Active)
                            w.Line($"{store.Array.Code}Dot[{store.Index.Code}] = {(store.Value.Active ? store.Value.Code + "Dot" : "0")};");
                        break;
                    case Loop loop:
                        w.Open(loop.Header);
                        EmitBlock(loop.Body);
                        w.Close();
                        break;
                    case LoopEnd end:
                        foreach (var write in end.Writes)
                        {
                            if (write.Value.Code == write.Mutable) continue;
                            w.Line($"{write.Mutable} = {write.Value.Code};", $"carry {MathNames.Pretty(write.Value.Code)} into the next iteration");
                            if (ir.IsActive(write.Mutable)) w.Line($"{write.Mutable}Dot = {(write.Value.Active ? write.Value.Code + "Dot" : "0")};");
                        }
                        if (end.Break) w.Line("break;");
                        break;
                    case Return ret:
                        var tangent = ret.Value.Active ? ret.Value.Code + "Dot" : "0";
                        w.Line($"return ({ret.Value.Code}, {tangent});");
                        break;
                    case If branch:
                        w.Open($"if ({Conditions.CSharp(branch.Condition)})");
                        EmitBlock(branch.Then);
                        w.Close();
                        w.Open("else");
                        EmitBlock(branch.Else);
                        w.Close();
                        break;
                }
            }
        }

        void EmitStep(Let let)
        {
            var pretty = MathNames.Pretty(let.Name);
            switch (let.Kind)
            {
                case StepKind.Constant:
                    w.Line($"{let.Type} {let.Name} = {let.Code};", $"{pretty} = {let.Code}   (constant)");
                    return;
                case StepKind.Call:
                    EmitCall(let);
                    return;
                case StepKind.Load:
                    w.Line($"{let.Type} {let.Name} = {let.Args[0].Code}[{let.Args[1].Code}];", $"{pretty} = {MathNames.Pretty(let.Args[0].Code)}[{let.Args[1].Code}]");
                    if (let.Active) w.Line($"{let.Type} {let.Name}Dot = {let.Args[0].Code}Dot[{let.Args[1].Code}];");
                    return;
                case StepKind.TensorOp:
                    TensorCode.EmitForward(w, let);
                    if (let.Active) TensorCode.EmitTangent(w, let);
                    return;
                case StepKind.ToScalar:
                    w.Line($"{let.Type} {let.Name} = {let.Args[0].Code}.ToScalar();", $"{pretty} = {MathNames.Pretty(let.Args[0].Code)}, the one element of a one-element tensor");
                    if (let.Active) w.Line($"{let.Type} {let.Name}Dot = {let.Args[0].Code}Dot.ToScalar();", $"{MathNames.Pretty(let.Name + "Dot")} = {MathNames.Pretty(let.Args[0].Code + "Dot")}");
                    return;
                case StepKind.NewArray:
                    var allocation = "new " + let.Type.Replace("[]", "[" + let.Args[0].Code + "]");
                    w.Line($"{let.Type} {let.Name} = {allocation};");
                    if (let.Active) w.Line($"{let.Type} {let.Name}Dot = {allocation};");
                    return;
            }
            var rule = ScalarRules.Find(let.Op)!;
            var code = new RuleCode(let.Args, let.Name, let.Type == "float");
            var forward = code.Forward(rule);
            if (let.Op == "Copy" && ir.TypeOf(let.Args[0]) != let.Type && !let.Args[0].IsLiteral) forward = $"({let.Type}){forward}";
            var synthetic = new RuleCall(rule.Name, Enumerable.Range(0, rule.Arity).Select(i => (RuleExpr)new RuleSymbol((char)('a' + i))).ToArray());
            w.Line($"{let.Type} {let.Name} = {forward};", $"{pretty} = {code.Pretty(synthetic)}");
            if (!let.Active) return;

            var terms = new List<string>();
            var prettyTerms = new List<string>();
            for (int i = 0; i < rule.Arity; i++)
            {
                var arg = let.Args[i];
                if (!arg.Active) continue;
                var partial = RuleCode.Partial(rule, i);
                if (partial is RuleNumber { Value: 0 }) continue;
                var dot = arg.Code + "Dot";
                var cast = ir.TypeOf(arg) == "double" && let.Type == "float" ? "(float)" : "";
                string term = partial switch
                {
                    RuleNumber { Value: 1 } => "+ " + cast + dot,
                    RuleCall { Op: "Neg", Args: var n } when n[0] is RuleNumber { Value: 1 } => "- " + cast + dot,
                    RuleCall { Op: "Neg", Args: var n } => $"- {code.CSharp(n[0]).AtLeast(2)} * {cast}{dot}",
                    RuleCall { Op: "Div", Args: var d } when d[0] is RuleNumber { Value: 1 } => $"+ {cast}{dot} / {code.CSharp(d[1]).AtLeast(3)}",
                    _ => $"+ {code.CSharp(partial).AtLeast(2)} * {cast}{dot}",
                };
                terms.Add(term);
                var prettyDot = MathNames.Pretty(dot);
                prettyTerms.Add(partial switch
                {
                    RuleNumber { Value: 1 } => "+ " + prettyDot,
                    RuleCall { Op: "Neg", Args: var n } when n[0] is RuleNumber { Value: 1 } => "− " + prettyDot,
                    RuleCall { Op: "Neg", Args: var n } => $"− {code.PrettyGrouped(n[0])}·{prettyDot}",
                    _ => $"+ {code.PrettyGrouped(partial)}·{prettyDot}",
                });
            }
            var sum = string.Join(" ", terms);
            sum = terms.Count == 0 ? "0" : sum.StartsWith("+ ") ? sum.Substring(2) : "-" + sum.Substring(2);
            w.Line($"{let.Type} {let.Name}Dot = {sum};", $"{MathNames.Pretty(let.Name + "Dot")} = {PrettySum(prettyTerms)}");
        }

        static string PrettySum(List<string> terms)
        {
            var sum = string.Join(" ", terms);
            return terms.Count == 0 ? "0" : sum.StartsWith("+ ") ? sum.Substring(2) : "−" + sum.Substring(2);
        }

        void EmitCall(Let let)
        {
            var call = let.Call!;
            var args = let.Args.Select(a => a.Code).ToList();
            if (!let.Active)
            {
                w.Line($"{let.Type} {let.Name} = {call.TypeName}.{call.Method}({string.Join(", ", args)});", $"{MathNames.Pretty(let.Name)} = {let.Display}");
                return;
            }
            var tangents = new List<string>();
            for (int i = 0; i < call.DifferentiableParameters.Count && i < let.Args.Count; i++)
                if (call.DifferentiableParameters[i])
                    tangents.Add(let.Args[i].Active ? let.Args[i].Code + "Dot"
                        : call.ParameterTypes[i].EndsWith("[]") ? $"new {call.ParameterTypes[i].Replace("[]", "[" + let.Args[i].Code + ".Length]")}" : "0");
            w.Line($"var ({let.Name}, {let.Name}Dot) = {call.TypeName}.{call.Method}Jvp({string.Join(", ", args.Concat(tangents))});",
                $"{MathNames.Pretty(let.Name)} = {let.Display} and its tangent, from {call.Method}Jvp");
        }
    }
}
