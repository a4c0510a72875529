using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace Tutor.Generator.Numerics
{
    /// <summary>
    /// Operand texts for rewrites and messages. An operand is copied as the user wrote it; an implicit conversion
    /// that the rewrite would lose (an int or a float widened to double) is written out as a cast, so that overload
    /// resolution in the rewrite picks the same precision as the original.
    /// </summary>
    internal sealed partial class RuleContext
    {
        /// <summary>The operand's text, fit for an argument position.</summary>
        public string Arg(IOperation operand) => Text(operand, out _);

        /// <summary>The operand's text, parenthesized unless it is a primary expression.</summary>
        public string Par(IOperation operand)
        {
            // A constant in arithmetic keeps its spelling (1, not 1.0): the operator converts it as before.
            if (IsWidening(operand) && ConstantOf(operand) is { } constant && constant >= 0)
                return operand.Syntax.ToString();
            var text = Text(operand, out bool primary);
            return primary ? text : "(" + text + ")";
        }

        /// <summary>The text of −operand, without a double negation.</summary>
        public string Neg(IOperation operand)
        {
            var stripped = StripParentheses(operand);
            if (stripped is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } unary && !IsWidening(stripped))
                return Par(unary.Operand);
            return "-" + Par(operand);
        }

        static IOperation StripParentheses(IOperation operation)
        {
            while (operation is IParenthesizedOperation parenthesized)
                operation = parenthesized.Operand;
            return operation;
        }

        static bool IsWidening(IOperation operation) =>
            operation is IConversionOperation { IsImplicit: true, OperatorMethod: null } conversion
            && IsNumeric(conversion.Type) && IsNumeric(conversion.Operand.Type)
            && !SymbolEqualityComparer.Default.Equals(conversion.Type, conversion.Operand.Type);

        string Text(IOperation operand, out bool primary)
        {
            if (IsWidening(operand))
            {
                var conversion = (IConversionOperation)operand;
                var keyword = conversion.Type!.SpecialType == SpecialType.System_Single ? "float" : "double";
                if (ConstantOf(conversion.Operand) is { } constant)
                {
                    primary = constant >= 0;
                    return keyword == "float"
                        ? constant.ToString("R", CultureInfo.InvariantCulture) + "f"
                        : DoubleLiteral(constant);
                }
                primary = false;
                return "(" + keyword + ")" + Par(conversion.Operand);
            }
            var syntax = operand.Syntax;
            primary = IsPrimary(syntax);
            return syntax.ToString();
        }

        static string DoubleLiteral(double value)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOfAny(new[] { '.', 'E', 'e', 'N', 'I' }) >= 0 ? text : text + ".0";
        }

        static bool IsPrimary(SyntaxNode syntax) => syntax.Kind() switch
        {
            SyntaxKind.IdentifierName or SyntaxKind.GenericName or SyntaxKind.NumericLiteralExpression
                or SyntaxKind.InvocationExpression or SyntaxKind.SimpleMemberAccessExpression or SyntaxKind.ElementAccessExpression
                or SyntaxKind.ParenthesizedExpression or SyntaxKind.ThisExpression or SyntaxKind.QualifiedName => true,
            _ => false,
        };

        /// <summary>
        /// A rewrite of <paramref name="at"/>; not fixable when one of the operands cannot be copied there (an operand
        /// reached through a local may mention variables that change between its definition and the use) or when the
        /// rewrite needs StableMath and the project does not reference the runtime.
        /// </summary>
        public Rewrite Fix(IOperation at, string template, params IOperation[] operands)
        {
            bool fixable = !template.Contains(Rewrite.Stable) || Symbols.StableMath is not null;
            foreach (var operand in operands)
                fixable &= IsCopyable(operand, at.Syntax);
            return new Rewrite(template, IsSingle(at), fixable);
        }

        bool IsCopyable(IOperation operand, SyntaxNode at)
        {
            if (operand.Syntax.SyntaxTree == at.SyntaxTree && at.Span.Contains(operand.Syntax.Span))
                return true;
            foreach (var part in operand.DescendantsAndSelf())
            {
                switch (part)
                {
                    case ILocalReferenceOperation local when Facts.IsUnchanging(local.Local):
                    case IParameterReferenceOperation parameter when Facts.IsUnchanging(parameter.Parameter):
                    case ILiteralOperation:
                    case IBinaryOperation { OperatorMethod: null }:
                    case IUnaryOperation { OperatorMethod: null }:
                    case IConversionOperation { OperatorMethod: null }:
                    case IParenthesizedOperation:
                    case IArgumentOperation:
                    case IArrayElementReferenceOperation:
                    case IFieldReferenceOperation { Field: { IsReadOnly: true } or { IsConst: true } }:
                    case IPropertyReferenceOperation { Property.Name: "Length" or "Count" }:
                    case IInvocationOperation call when Symbols.IsMath(call.TargetMethod) || Symbols.IsStableMath(call.TargetMethod):
                        continue;
                    default:
                        return false;
                }
            }
            return true;
        }
    }
}
