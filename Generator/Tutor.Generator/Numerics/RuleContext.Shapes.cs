using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tutor.Generator.Numerics
{
    /// <summary>Shapes that several rows share: the sigmoid written three ways, 1 + u, and guards.</summary>
    internal sealed partial class RuleContext
    {
        /// <summary>
        /// σ(z) as <c>1/(1 + Exp(−z))</c>, <c>Exp(z)/(1 + Exp(z))</c> or <c>StableMath.Sigmoid(z)</c>. z is
        /// <paramref name="source"/>, negated when <paramref name="negate"/> (1/(1 + Exp(u)) is σ(−u)).
        /// </summary>
        public bool IsSigmoid(IOperation operation, out IOperation source, out bool negate)
        {
            source = null!;
            negate = false;
            var value = Value(operation);
            if (value is IInvocationOperation call && Symbols.IsStableMath(call.TargetMethod) && call.TargetMethod.Name == "Sigmoid" && call.Arguments.Length == 1)
            {
                source = call.Arguments[0].Value;
                return true;
            }
            if (!IsBinary(value, BinaryOperatorKind.Divide, out var numerator, out var denominator) || !IsOnePlus(denominator, out var other))
                return false;
            if (IsConstant(numerator, 1) && IsExp(other, out var u))
            {
                if (IsNegation(u, out var z))
                    source = z;
                else
                    (source, negate) = (u, true);
                return true;
            }
            if (IsExp(numerator, out var top) && IsExp(other, out var bottom) && Same(top, bottom))
            {
                source = top;
                return true;
            }
            return false;
        }

        /// <summary>The text of the sigmoid's argument z.</summary>
        public string SigmoidArgument(IOperation source, bool negate) => negate ? Neg(source) : Arg(source);

        /// <summary><c>1 + u</c> or <c>u + 1</c>.</summary>
        public bool IsOnePlus(IOperation operation, out IOperation other) =>
            IsCommuted(operation, BinaryOperatorKind.Add, t => IsConstant(t, 1), _ => true, out _, out other);

        /// <summary>
        /// u is ≤ 0 by its form: −Abs(…), −(a*a), or a subtraction of the maximum; Exp(u) then cannot overflow.
        /// </summary>
        public bool IsNonPositiveByForm(IOperation u) =>
            IsNegation(u, out var inner) && (IsMathCall(inner, "Abs", out _) || IsSquare(inner, out _));

        /// <summary>
        /// The operation sits in a branch of a ?: or if whose condition mentions <paramref name="value"/>: a guard such
        /// as <c>x &gt;= 0 ? … : Exp(x)/(1 + Exp(x))</c> or <c>p == 0 ? 0 : p * Log(p)</c>.
        /// </summary>
        public bool IsGuarded(IOperation operation, IOperation value)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional && child != conditional.Condition
                    && Contains(conditional.Condition, c => c is not IConversionOperation && Same(c, value)))
                    return true;
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    return false;
            }
            return false;
        }

        /// <summary>Made only of variables, constants, operators and Math calls, so that it may be written twice.</summary>
        public static bool IsPure(IOperation operation)
        {
            foreach (var part in operation.DescendantsAndSelf())
                if (part is not (ILocalReferenceOperation or IParameterReferenceOperation or ILiteralOperation or IFieldReferenceOperation
                    or IBinaryOperation { OperatorMethod: null } or IUnaryOperation { OperatorMethod: null } or IConversionOperation { OperatorMethod: null }
                    or IArgumentOperation or IArrayElementReferenceOperation or IInstanceReferenceOperation or IPropertyReferenceOperation { Property.Name: "Length" or "Count" })
                    && !(part is IInvocationOperation call && Symbols_IsMathLike(call)))
                    return false;
            return true;
        }

        static bool Symbols_IsMathLike(IInvocationOperation call) =>
            call.TargetMethod.ContainingType?.ToDisplayString() is "System.Math" or "System.MathF" or "Tutor.StableMath";
    }
}
