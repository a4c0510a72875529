using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>
    /// NUM0033: <c>double.LogP1</c>/<c>ExpM1</c> (and Log2P1, Log10P1, Exp2M1, Exp10M1, the float versions and
    /// <c>TensorPrimitives.LogP1</c>/<c>ExpM1</c>) are the naive formulas on .NET 10.
    /// </summary>
    internal sealed class LogP1FalseFriendRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogP1FalseFriendRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            var call = (IInvocationOperation)operation;
            var method = call.TargetMethod;
            bool scalar = c.Symbols.IsFloatingType(method);
            if (!scalar && !c.Symbols.IsTensorPrimitives(method) || !Naive(method.Name, out var naive, out var example))
                return;
            var owner = scalar ? method.ContainingType.ToDisplayString() : "TensorPrimitives";
            if (!scalar || call.Arguments.Length != 1)
            {
                c.Report(Descriptor, operation, null, owner + "." + method.Name, naive, example, "StableMath.Log1p/Expm1 element by element");
                return;
            }
            var x = call.Arguments[0].Value;
            var template = method.Name switch
            {
                "LogP1" => $"{Stable}.Log1p({c.Arg(x)})",
                "Log2P1" => $"{Stable}.Log1p({c.Arg(x)}) / {MathType}.Log(2)",
                "Log10P1" => $"{Stable}.Log1p({c.Arg(x)}) / {MathType}.Log(10)",
                "ExpM1" => $"{Stable}.Expm1({c.Arg(x)})",
                "Exp2M1" => $"{Stable}.Expm1({c.Par(x)} * {MathType}.Log(2))",
                _ => $"{Stable}.Expm1({c.Par(x)} * {MathType}.Log(10))",
            };
            var fix = c.Fix(operation, template, x);
            c.Report(Descriptor, operation, fix, owner + "." + method.Name, naive, example, fix.Display);
        }

        static bool Naive(string name, out string naive, out string example)
        {
            (naive, example) = name switch
            {
                "LogP1" => ("Log(x + 1)", "double.LogP1(1e−20) == 0, the true value is 1e−20"),
                "Log2P1" => ("Log2(x + 1)", "Log2P1(1e−20) == 0"),
                "Log10P1" => ("Log10(x + 1)", "Log10P1(1e−20) == 0"),
                "ExpM1" => ("Exp(x) − 1", "double.ExpM1(1e−10) == 1.000000082740371e−10, 29 bits wrong"),
                "Exp2M1" => ("Exp2(x) − 1", "Exp2M1(1e−20) == 0"),
                "Exp10M1" => ("Exp10(x) − 1", "Exp10M1(1e−20) == 0"),
                _ => (null!, null!),
            };
            return naive is not null;
        }
    }
}
