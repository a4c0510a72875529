using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0023: <c>Sqrt(x + k) − Sqrt(x)</c> is k/(Sqrt(x + k) + Sqrt(x)).</summary>
    internal sealed class SqrtDifferenceRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.SqrtDifferenceRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Subtract, out var left, out var right)
                || !c.IsMathCall(left, "Sqrt", out var a) || !c.IsMathCall(right, "Sqrt", out var b))
                return;
            string? k = Offset(a, b, c);
            if (k is null && Offset(b, a, c) is { } minus)
                k = minus.StartsWith("-") ? minus.Substring(1) : "-" + minus;
            if (k is null)
                return;
            var fix = c.Fix(operation, $"{k} / ({MathType}.Sqrt({c.Arg(a)}) + {MathType}.Sqrt({c.Arg(b)}))", a, b);
            c.Report(Descriptor, operation, fix, c.Arg(a), c.Arg(b), fix.Display);
        }

        /// <summary>The constant k with a = b + k (or a = b − k), as text, or null.</summary>
        static string? Offset(IOperation a, IOperation b, RuleContext c)
        {
            var terms = c.Terms(a);
            if (terms.Count != 2)
                return null;
            for (int i = 0; i < 2; i++)
            {
                var (variable, constant) = (terms[i], terms[1 - i]);
                if (!variable.Negative && c.IsConstant(constant.Term) && c.Same(variable.Term, b))
                    return (constant.Negative ? "-" : "") + c.Par(constant.Term);
            }
            return null;
        }
    }
}
