using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Tutor.Generator.Numerics;

namespace Tutor.CodeFixes.Numerics
{
    /// <summary>
    /// Applies the rewrite that a NUM diagnostic carries (the analyzer matched the operands, so it writes the
    /// replacement; see <see cref="Rewrite"/>). The replacement uses fully qualified names; the fixer adds
    /// <c>using Tutor;</c> where needed, simplifies the names and redundant parentheses, and keeps the trivia around
    /// the replaced expression. Fix All replaces every finding of a document in one pass.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NumericsCodeFixProvider)), Shared]
    public sealed class NumericsCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            NumericsRuleIds.LogOfSoftmaxRatio, NumericsRuleIds.LogOfSumOfExps, NumericsRuleIds.LogOfExpSum,
            NumericsRuleIds.SoftmaxWithoutShift, NumericsRuleIds.LogOfSoftmax, NumericsRuleIds.NaiveSoftplus,
            NumericsRuleIds.SigmoidRatio, NumericsRuleIds.LogOfSigmoid, NumericsRuleIds.OneMinusSigmoid,
            NumericsRuleIds.BinaryCrossEntropy, NumericsRuleIds.LogOnePlus, NumericsRuleIds.ExpMinusOne,
            NumericsRuleIds.LogOneMinus, NumericsRuleIds.ExpMinusOneOverX, NumericsRuleIds.LogOneMinusExp,
            NumericsRuleIds.PowOnePlus, NumericsRuleIds.NaiveHypot, NumericsRuleIds.LogCosh,
            NumericsRuleIds.HandWrittenHyperbolic, NumericsRuleIds.HandWrittenInverseHyperbolic, NumericsRuleIds.LogOfExp,
            NumericsRuleIds.OneMinusCos, NumericsRuleIds.SqrtDifference, NumericsRuleIds.QuadraticFormula,
            NumericsRuleIds.ReciprocalDifference, NumericsRuleIds.DifferenceOfSquares, NumericsRuleIds.NaiveVariance,
            NumericsRuleIds.NaiveMidpoint, NumericsRuleIds.LogP1FalseFriend);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        /// <inheritdoc />
        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(Rewrite.PropertyName, out var replacement) || replacement is null)
                    continue;
                var title = "Use " + Shorten(replacement);
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }
            return Task.CompletedTask;
        }

        static Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            ApplyAsync(document, diagnostics, context.CancellationToken)!;

        static string Shorten(string code) =>
            code.Replace("global::Tutor.", "").Replace("global::System.", "");

        static bool NeedsParentheses(ExpressionSyntax original, ExpressionSyntax replacement)
        {
            if (replacement is InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax or LiteralExpressionSyntax
                or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax or PredefinedTypeSyntax)
                return false;
            return original.Parent switch
            {
                ArgumentSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or EqualsValueClauseSyntax
                    or ParenthesizedExpressionSyntax or ExpressionStatementSyntax or LambdaExpressionSyntax or InitializerExpressionSyntax => false,
                AssignmentExpressionSyntax assignment => assignment.Left == original,
                _ => true,
            };
        }

        static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
                return document;
            var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
            foreach (var diagnostic in diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(Rewrite.PropertyName, out var code) || code is null)
                    continue;
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                while (node is not ExpressionSyntax && node.Parent is not null && node.Parent.Span == node.Span)
                    node = node.Parent;
                if (node is not ExpressionSyntax expression || expression.Span != diagnostic.Location.SourceSpan)
                    continue;
                var parsed = SyntaxFactory.ParseExpression(code);
                if (parsed.ContainsDiagnostics)
                    continue;
                // Only the fully qualified type names are simplified: the simplifier would also drop a cast such as
                // (double)x that keeps the double overload, so the rest of the text stays as the analyzer wrote it.
                var names = parsed.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
                    .Where(m => m.Expression is AliasQualifiedNameSyntax alias && alias.Alias.Identifier.Text == "global");
                parsed = parsed.ReplaceNodes(names, (_, n) => n.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
                ExpressionSyntax replacement = NeedsParentheses(expression, parsed) ? SyntaxFactory.ParenthesizedExpression(parsed) : parsed;
                replacements[expression] = replacement.WithAdditionalAnnotations(Formatter.Annotation).WithTriviaFrom(expression);
            }
            // A finding nested inside another one that is also rewritten disappears with it.
            var outermost = replacements.Keys.Where(n => !n.Ancestors().Any(replacements.ContainsKey)).ToList();
            if (outermost.Count == 0)
                return document;
            var newRoot = root.ReplaceNodes(outermost, (original, _) => replacements[original]);
            var updated = document.WithSyntaxRoot(newRoot);
            updated = await ImportAdder.AddImportsAsync(updated, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            updated = await Simplifier.ReduceAsync(updated, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(updated, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
