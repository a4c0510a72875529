using System.Globalization;
using System.Linq;
using Tutor.Generator.Model;

namespace Tutor.Generator.Emit
{
    /// <summary>
    /// {Name}Derivation: code that builds the method's expression tree (Tutor.Symbolic.Expr) once, on first use.
    /// The runtime differentiates and simplifies it with the same rule table the generator used.
    /// Branches become piecewise expressions.
    /// </summary>
    internal sealed class DerivationEmitter
    {
        public const string Expr = "global::Tutor.Symbolic.Expr";

        readonly MethodModel m;
        readonly CodeWriter w;
        int results;

        DerivationEmitter(MethodModel m, CodeWriter w)
        {
            this.m = m;
            this.w = w;
        }

        public static void Emit(MethodModel m, CodeWriter w) => new DerivationEmitter(m, w).Emit();

        void Emit()
        {
            var field = "__" + m.Name + "Derivation";
            w.Line("/// <summary>");
            w.Line($"/// The symbolic derivation of <see cref=\"{m.CrefSignature}\"/>: f and ∂f/∂p for each differentiable parameter,");
            w.Line("/// simplified, as LaTeX (<c>Latex</c>) and plain text (<c>Text</c>). Built on first use.");
            w.Line("/// </summary>");
            w.Line(ReverseEmitter.Generated);
            w.Line($"{m.Accessibility} static global::Tutor.Derivation {m.Name}Derivation => {field} ??= Build{m.Name}Derivation();");
            w.Line();
            w.Line($"private static global::Tutor.Derivation? {field};");
            w.Line();
            w.Line(ReverseEmitter.Generated);
            w.Open($"private static global::Tutor.Derivation Build{m.Name}Derivation()");
            var all0 = string.Join(", ", m.Parameters.Select(p => "\"" + p.Name + "\""));
            var differentiable0 = string.Join(", ", m.Parameters.Where(p => p.Differentiable).Select(p => "\"" + p.Name + "\""));
            var names = new IrNames(m);
            if (names.HasTensors)
            {
                w.Line($"return global::Tutor.Derivation.Unavailable(\"{m.Name}\", new string[] {{ {all0} }}, new string[] {{ {differentiable0} }},");
                w.Line("    \"it computes with tensors, whose derivatives are the VJP and JVP methods of the tensor rule table rather than formulas; the gradient and the JVP are generated\");");
                w.Close();
                return;
            }
            if (names.HasArraysOrLoops)
            {
                w.Line($"return global::Tutor.Derivation.Unavailable(\"{m.Name}\", new string[] {{ {all0} }}, new string[] {{ {differentiable0} }},");
                w.Line("    \"it uses loops or arrays, so its derivative has no fixed closed form; the gradient and the trace are generated\");");
                w.Close();
                return;
            }
            foreach (var p in m.Parameters)
                w.Line($"var {p.IrName} = {Expr}.Var(\"{p.Name}\");");
            var body = Result(m.Body);
            var all = string.Join(", ", m.Parameters.Select(p => "\"" + p.Name + "\""));
            var differentiable = string.Join(", ", m.Parameters.Where(p => p.Differentiable).Select(p => "\"" + p.Name + "\""));
            w.Line($"return new global::Tutor.Derivation(\"{m.Name}\", new string[] {{ {all} }}, new string[] {{ {differentiable} }}, {body});");
            w.Close();
        }

        /// <summary>Writes the block's steps and returns the C# expression for its value.</summary>
        string Result(Block block)
        {
            foreach (var statement in block.Statements)
            {
                switch (statement)
                {
                    case Let let:
                        w.Line($"var {let.Name} = {Step(let)};");
                        break;
                    case Return ret:
                        return Atom(ret.Value);
                    case If branch:
                        // Each branch in its own scope: both may define the same name (the result of a ?:).
                        var whenTrue = "__r" + (++results);
                        var whenFalse = "__r" + (++results);
                        w.Line($"{Expr} {whenTrue}, {whenFalse};");
                        w.Open("");
                        w.Line($"{whenTrue} = {Result(branch.Then)};");
                        w.Close();
                        w.Open("");
                        w.Line($"{whenFalse} = {Result(branch.Else)};");
                        w.Close();
                        return $"{Expr}.Piecewise({Condition(branch.Condition)}, {whenTrue}, {whenFalse})";
                }
            }
            return $"{Expr}.Num(double.NaN)";
        }

        static string Step(Let let)
        {
            switch (let.Kind)
            {
                case StepKind.Rule when let.Op == "Copy":
                    return Atom(let.Args[0]);
                case StepKind.Rule:
                    return $"{Expr}.Call(\"{let.Op}\", {string.Join(", ", let.Args.Select(Atom))})";
                case StepKind.Call:
                    var call = let.Call!;
                    return $"{Expr}.Apply(\"{call.Method}\", {call.TypeName}.{call.Method}Derivation, {string.Join(", ", let.Args.Select(Atom))})";
                default:
                    var code = let.Code.Replace(" ", "");
                    if (code.EndsWith(".PI") || code.EndsWith(".Pi")) return $"{Expr}.Constant(\"π\", global::System.Math.PI)";
                    if (code.EndsWith("Math.E") || code.EndsWith("MathF.E") || code == "double.E") return $"{Expr}.Constant(\"e\", global::System.Math.E)";
                    if (let.ConstantValue is { } value) return $"{Expr}.Num({Number(value)})";
                    return $"{Expr}.Opaque({ReverseEmitter.Literal(let.Code)})";
            }
        }

        static string Atom(Atom atom) => atom.Number is { } n ? $"{Expr}.Num({Number(n)})" : atom.Code;

        static string Number(double value) =>
            double.IsNaN(value) ? "double.NaN" : double.IsInfinity(value) ? (value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity")
            : value.ToString("R", CultureInfo.InvariantCulture) + (value % 1 == 0 && !value.ToString("R", CultureInfo.InvariantCulture).Contains("E") ? ".0" : "");

        static string Condition(Condition condition) => condition switch
        {
            Compare c => $"{Expr}.Compare(\"{c.Op}\", {Atom(c.Left)}, {Atom(c.Right)})",
            Logical { Op: "&&" } l => $"{Expr}.And({Condition(l.Left)}, {Condition(l.Right)})",
            Logical l => $"{Expr}.Or({Condition(l.Left)}, {Condition(l.Right)})",
            Not n => $"{Expr}.Not({Condition(n.Operand)})",
            OpaqueCondition o => $"{Expr}.Opaque({ReverseEmitter.Literal(o.Code)})",
            _ => $"{Expr}.Num(1.0)",
        };
    }
}
