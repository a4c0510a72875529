using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tutor.Generator.Parsing
{
    /// <summary>
    /// Which variables may ever hold a value that depends on a differentiable input, wherever they are in the method.
    /// Scalars outside loops are tracked more precisely as the body is lowered; this flow-insensitive answer is what
    /// arrays (written element by element) and variables carried around loops need, because their activity must be
    /// the same on every iteration.
    /// </summary>
    internal static class Activity
    {
        public static HashSet<ISymbol> PossiblyActive(IMethodSymbol method, SyntaxNode body, SemanticModel model, CancellationToken ct)
        {
            var active = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var p in method.Parameters)
                if (IsFloating(p.Type) && !p.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Parser.NoDiffAttribute))
                    active.Add(p);

            var flows = new List<(ISymbol Target, SyntaxNode Value)>();
            foreach (var node in body.DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax { Initializer: { } init } declarator when model.GetDeclaredSymbol(declarator, ct) is { } local:
                        flows.Add((local, init.Value));
                        break;
                    case AssignmentExpressionSyntax assignment when Target(assignment.Left, model, ct) is { } target:
                        flows.Add((target, assignment.Right));
                        break;
                    case ForEachStatementSyntax forEach when model.GetDeclaredSymbol(forEach, ct) is { } variable:
                        flows.Add((variable, forEach.Expression));
                        break;
                }
            }

            for (bool changed = true; changed;)
            {
                changed = false;
                foreach (var (target, value) in flows)
                {
                    if (active.Contains(target) || !IsFloating(TypeOf(target))) continue;
                    if (Reads(value, active, model, ct)) changed |= active.Add(target);
                }
            }
            return active;
        }

        /// <summary>
        /// Arrays whose elements the method may change: written by an element assignment or increment, or passed to a
        /// method (which could write them). Reads of any other array can be repeated in the backward sweep.
        /// </summary>
        public static Dictionary<ISymbol, List<SyntaxNode>> WrittenArrays(SyntaxNode body, SemanticModel model, CancellationToken ct)
        {
            var written = new Dictionary<ISymbol, List<SyntaxNode>>(SymbolEqualityComparer.Default);
            foreach (var node in body.DescendantNodes())
            {
                ExpressionSyntax? target = node switch
                {
                    AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax e } => e.Expression,
                    PostfixUnaryExpressionSyntax { Operand: ElementAccessExpressionSyntax e } => e.Expression,
                    PrefixUnaryExpressionSyntax { Operand: ElementAccessExpressionSyntax e } => e.Expression,
                    ArgumentSyntax { Expression: IdentifierNameSyntax i } => i,
                    _ => null,
                };
                if (target is not null && model.GetSymbolInfo(target, ct).Symbol is { } s && TypeOf(s) is IArrayTypeSymbol)
                {
                    if (!written.TryGetValue(s, out var places)) written[s] = places = new List<SyntaxNode>();
                    places.Add(node);
                }
            }
            return written;
        }

        /// <summary>The variable an assignment writes: <c>x = …</c> writes x, <c>a[i] = …</c> writes the array a.</summary>
        static ISymbol? Target(ExpressionSyntax left, SemanticModel model, CancellationToken ct) => left switch
        {
            IdentifierNameSyntax => model.GetSymbolInfo(left, ct).Symbol,
            ElementAccessExpressionSyntax element => model.GetSymbolInfo(element.Expression, ct).Symbol,
            _ => null,
        };

        static bool Reads(SyntaxNode value, HashSet<ISymbol> active, SemanticModel model, CancellationToken ct) =>
            value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => model.GetSymbolInfo(i, ct).Symbol is { } s && active.Contains(s));

        static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol l => l.Type,
            IParameterSymbol p => p.Type,
            _ => null,
        };

        /// <summary>double, float, double[], float[], Tensor&lt;double&gt; or Tensor&lt;float&gt;: the types that carry derivatives.</summary>
        public static bool IsFloating(ITypeSymbol? type) =>
            type is not null && (Parser.IsScalar(type) || type is IArrayTypeSymbol { Rank: 1 } array && Parser.IsScalar(array.ElementType)
                || Model.TensorTypes.IsTensor(type));
    }
}
