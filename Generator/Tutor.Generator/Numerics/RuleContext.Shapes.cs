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
        /// u is ≤ 0 by its form: −Abs(…), −(a*a), −2*Abs(x), Min(x, 0), −Exp(…)/4, … (see <see cref="SignByForm"/>);
        /// Exp(u) then cannot overflow.
        /// </summary>
        public bool IsNonPositiveByForm(IOperation u) => SignByForm(u, 0) < 0;

        /// <summary>
        /// The sign a value has whatever its variables hold (ignoring NaN): +1 when it is ≥ 0 by its form (Abs, a
        /// square, Exp, Sqrt, Cosh, a constant ≥ 0, Max with such a value), −1 when it is ≤ 0 (a negation of the
        /// former, a constant &lt; 0, Min with such a value), combined through *, /, + and −; 0 when unknown.
        /// </summary>
        public int SignByForm(IOperation u, int depth)
        {
            if (depth > 12)
                return 0;
            depth++;
            if (ConstantOf(u) is { } constant)
                return constant >= 0 ? 1 : -1;
            if (IsNegation(u, out var negated))
                return -SignByForm(negated, depth);
            if (IsSquare(u, out _) || IsMathCall(u, "Abs", out _) || IsMathCall(u, "Exp", out _) || IsMathCall(u, "Sqrt", out _)
                || IsMathCall(u, "Cosh", out _))
                return 1;
            if (IsMathCall(u, "Max", out var a, out var b))
                return IsConstant(a, 0) || IsConstant(b, 0) || SignByForm(a, depth) > 0 || SignByForm(b, depth) > 0 ? 1 : 0;
            if (IsMathCall(u, "Min", out a, out b))
                return IsConstant(a, 0) || IsConstant(b, 0) || SignByForm(a, depth) < 0 || SignByForm(b, depth) < 0 ? -1 : 0;
            if (IsBinary(u, BinaryOperatorKind.Multiply, out a, out b))
            {
                // (−x)*x, x*(−x), (−x)*(−x): a square up to its sign
                bool negativeLeft = IsNegation(a, out var left), negativeRight = IsNegation(b, out var right);
                if (Same(negativeLeft ? left : a, negativeRight ? right : b))
                    return negativeLeft == negativeRight ? 1 : -1;
                return SignByForm(a, depth) * SignByForm(b, depth);
            }
            if (IsBinary(u, BinaryOperatorKind.Divide, out a, out b))
                return SignByForm(a, depth) * SignByForm(b, depth);
            if (IsBinary(u, BinaryOperatorKind.Add, out a, out b))
            {
                int left = SignByForm(a, depth);
                return left == SignByForm(b, depth) ? left : 0;
            }
            if (IsBinary(u, BinaryOperatorKind.Subtract, out a, out b))
            {
                int left = SignByForm(a, depth);
                return left == -SignByForm(b, depth) ? left : 0;
            }
            return 0;
        }

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
