using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tutor.Generator.Numerics
{
    /// <summary>
    /// Matching on values rather than text: every helper first looks through conversions (casts, float → double)
    /// and through locals assigned exactly once, so <c>MathF</c>, <c>using static</c>, parentheses, casts and
    /// <c>var e = Math.Exp(x); … e + 1</c> all look the same.
    /// </summary>
    internal sealed partial class RuleContext
    {
        const int MaxLocalDepth = 8;

        /// <summary>The value an operand stands for: conversions removed, single-assignment locals followed.</summary>
        public IOperation Value(IOperation operation)
        {
            for (int depth = 0; ; depth++)
            {
                operation = StripConversions(operation);
                if (depth < MaxLocalDepth && operation is ILocalReferenceOperation local && Facts.SingleValue(local.Local) is { } value)
                {
                    operation = value;
                    continue;
                }
                return operation;
            }
        }

        public static IOperation StripConversions(IOperation operation)
        {
            while (operation is IConversionOperation { OperatorMethod: null } conversion && IsNumeric(conversion.Type) && IsNumeric(conversion.Operand.Type))
                operation = conversion.Operand;
            return operation;
        }

        public static bool IsNumeric(ITypeSymbol? type) => type is not null && type.SpecialType switch
        {
            SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Int32 or SpecialType.System_Int64
                or SpecialType.System_Int16 or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_UInt16
                or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Decimal => true,
            _ => false,
        };

        public static bool IsFloating(ITypeSymbol? type) =>
            type is not null && (type.SpecialType == SpecialType.System_Double || type.SpecialType == SpecialType.System_Single);

        /// <summary>The result is float (so the rewrite uses MathF and the float overloads).</summary>
        public static bool IsSingle(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_Single;

        /// <summary><c>Math.name(arg)</c> or <c>MathF.name(arg)</c>; <paramref name="argument"/> is the operand as written.</summary>
        public bool IsMathCall(IOperation operation, string name, out IOperation argument)
        {
            argument = null!;
            if (Value(operation) is not IInvocationOperation call || call.TargetMethod.Name != name
                || call.Arguments.Length != 1 || !Symbols.IsMath(call.TargetMethod))
                return false;
            argument = call.Arguments[0].Value;
            return true;
        }

        /// <summary>A two-argument Math/MathF call; the arguments in parameter order.</summary>
        public bool IsMathCall(IOperation operation, string name, out IOperation first, out IOperation second)
        {
            first = second = null!;
            if (Value(operation) is not IInvocationOperation call || call.TargetMethod.Name != name
                || call.Arguments.Length != 2 || !Symbols.IsMath(call.TargetMethod))
                return false;
            first = ArgumentAt(call, 0);
            second = ArgumentAt(call, 1);
            return true;
        }

        public bool IsExp(IOperation operation, out IOperation argument) => IsMathCall(operation, "Exp", out argument);

        public bool IsLog(IOperation operation, out IOperation argument) => IsMathCall(operation, "Log", out argument);

        public static IOperation ArgumentAt(IInvocationOperation call, int ordinal)
        {
            foreach (var argument in call.Arguments)
                if (argument.Parameter?.Ordinal == ordinal)
                    return argument.Value;
            return call.Arguments[ordinal].Value;
        }

        /// <summary>A built-in floating-point binary operator of the given kind (never a user-defined one).</summary>
        public bool IsBinary(IOperation operation, BinaryOperatorKind kind, out IOperation left, out IOperation right)
        {
            left = right = null!;
            if (Value(operation) is not IBinaryOperation binary || binary.OperatorKind != kind || binary.OperatorMethod is not null
                || !IsFloating(binary.LeftOperand.Type) && !IsFloating(binary.RightOperand.Type))
                return false;
            left = binary.LeftOperand;
            right = binary.RightOperand;
            return true;
        }

        /// <summary>
        /// A commutative operator (+ or *) with one operand matching <paramref name="first"/> and the other
        /// <paramref name="second"/>, in either order; the outputs come back in the order of the predicates.
        /// </summary>
        public bool IsCommuted(IOperation operation, BinaryOperatorKind kind, System.Func<IOperation, bool> first,
            System.Func<IOperation, bool> second, out IOperation a, out IOperation b)
        {
            a = b = null!;
            if (!IsBinary(operation, kind, out var left, out var right))
                return false;
            if (first(left) && second(right))
            {
                (a, b) = (left, right);
                return true;
            }
            if (first(right) && second(left))
            {
                (a, b) = (right, left);
                return true;
            }
            return false;
        }

        public bool IsNegation(IOperation operation, out IOperation operand)
        {
            operand = null!;
            if (Value(operation) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } unary)
            {
                operand = unary.Operand;
                return true;
            }
            return false;
        }

        public bool IsConstant(IOperation operation, double expected) => ConstantOf(operation) is { } value && value == expected;

        public bool IsConstant(IOperation operation) => ConstantOf(operation) is not null;

        public double? ConstantOf(IOperation operation)
        {
            var value = Value(operation);
            return value.ConstantValue.HasValue ? Numbers.ToDouble(value.ConstantValue.Value) : null;
        }

        /// <summary><c>a*a</c> or <c>Pow(a, 2)</c>; <paramref name="root"/> is a.</summary>
        public bool IsSquare(IOperation operation, out IOperation root)
        {
            if (IsBinary(operation, BinaryOperatorKind.Multiply, out var left, out var right) && Same(left, right))
            {
                root = left;
                return true;
            }
            if (IsMathCall(operation, "Pow", out var @base, out var exponent) && IsConstant(exponent, 2))
            {
                root = @base;
                return true;
            }
            root = null!;
            return false;
        }

        /// <summary>The terms of a sum, each with its sign: a − (b − c) gives +a, −b, +c.</summary>
        public List<(IOperation Term, bool Negative)> Terms(IOperation operation)
        {
            var terms = new List<(IOperation, bool)>();
            AddTerms(operation, negative: false, terms, depth: 0);
            return terms;
        }

        void AddTerms(IOperation operation, bool negative, List<(IOperation, bool)> terms, int depth)
        {
            if (depth < 16)
            {
                if (IsBinary(operation, BinaryOperatorKind.Add, out var left, out var right))
                {
                    AddTerms(left, negative, terms, depth + 1);
                    AddTerms(right, negative, terms, depth + 1);
                    return;
                }
                if (IsBinary(operation, BinaryOperatorKind.Subtract, out left, out right))
                {
                    AddTerms(left, negative, terms, depth + 1);
                    AddTerms(right, !negative, terms, depth + 1);
                    return;
                }
                if (IsNegation(operation, out var operand))
                {
                    AddTerms(operand, !negative, terms, depth + 1);
                    return;
                }
            }
            terms.Add((operation, negative));
        }

        /// <summary>The two operands denote the same value: the same variable, constant, or the same expression of them.</summary>
        public bool Same(IOperation a, IOperation b) => Same(a, b, 0);

        bool Same(IOperation a, IOperation b, int depth)
        {
            if (depth > 12)
                return false;
            if (StripConversions(a) is ILocalReferenceOperation sameA && StripConversions(b) is ILocalReferenceOperation sameB
                && SymbolEqualityComparer.Default.Equals(sameA.Local, sameB.Local))
                return true;
            a = Value(a);
            b = Value(b);
            if (a.ConstantValue.HasValue || b.ConstantValue.HasValue)
                return a.ConstantValue.HasValue && b.ConstantValue.HasValue && Equals(ConstantOf(a), ConstantOf(b)) && ConstantOf(a) is not null;
            switch (a)
            {
                case ILocalReferenceOperation la when b is ILocalReferenceOperation lb:
                    return SymbolEqualityComparer.Default.Equals(la.Local, lb.Local);
                case IParameterReferenceOperation pa when b is IParameterReferenceOperation pb:
                    return SymbolEqualityComparer.Default.Equals(pa.Parameter, pb.Parameter);
                case IFieldReferenceOperation fa when b is IFieldReferenceOperation fb:
                    return SymbolEqualityComparer.Default.Equals(fa.Field, fb.Field) && SameInstance(fa.Instance, fb.Instance, depth);
                case IPropertyReferenceOperation ra when b is IPropertyReferenceOperation rb:
                    return SymbolEqualityComparer.Default.Equals(ra.Property, rb.Property) && SameInstance(ra.Instance, rb.Instance, depth)
                        && SameArguments(ra.Arguments, rb.Arguments, depth);
                case IArrayElementReferenceOperation ea when b is IArrayElementReferenceOperation eb:
                    if (!Same(ea.ArrayReference, eb.ArrayReference, depth + 1) || ea.Indices.Length != eb.Indices.Length)
                        return false;
                    for (int i = 0; i < ea.Indices.Length; i++)
                        if (!Same(ea.Indices[i], eb.Indices[i], depth + 1))
                            return false;
                    return true;
                case IBinaryOperation ba when b is IBinaryOperation bb:
                    return ba.OperatorKind == bb.OperatorKind && Same(ba.LeftOperand, bb.LeftOperand, depth + 1) && Same(ba.RightOperand, bb.RightOperand, depth + 1);
                case IUnaryOperation ua when b is IUnaryOperation ub:
                    return ua.OperatorKind == ub.OperatorKind && Same(ua.Operand, ub.Operand, depth + 1);
                case IInvocationOperation ia when b is IInvocationOperation ib:
                    return (Symbols.IsMath(ia.TargetMethod) || Symbols.IsStableMath(ia.TargetMethod))
                        && SymbolEqualityComparer.Default.Equals(ia.TargetMethod, ib.TargetMethod)
                        && SameArguments(ia.Arguments, ib.Arguments, depth);
                case IInstanceReferenceOperation when b is IInstanceReferenceOperation:
                    return true;
                default:
                    return false;
            }
        }

        bool SameInstance(IOperation? a, IOperation? b, int depth) =>
            a is null ? b is null : b is not null && Same(a, b, depth + 1);

        bool SameArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> a, System.Collections.Immutable.ImmutableArray<IArgumentOperation> b, int depth)
        {
            if (a.Length != b.Length)
                return false;
            for (int i = 0; i < a.Length; i++)
                if (!Same(a[i].Value, b[i].Value, depth + 1))
                    return false;
            return true;
        }

        /// <summary>The operation, or one of the operations it is built from, satisfies the predicate.</summary>
        public static bool Contains(IOperation operation, System.Func<IOperation, bool> predicate)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
                if (predicate(descendant))
                    return true;
            return false;
        }

        /// <summary>Walks up through conversions and parentheses to the operation that consumes this value.</summary>
        public static IOperation? Consumer(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
                parent = parent.Parent;
            if (parent is IArgumentOperation argument)
                parent = argument.Parent;
            return parent;
        }
    }
}
