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
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
            // Values a fix computes once before a loop (NUM0004's LogSumExp): per loop, per expression, the local's name.
            var hoists = new Dictionary<StatementSyntax, Dictionary<string, string>>();
            foreach (var diagnostic in diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(Rewrite.PropertyName, out var code) || code is null)
                    continue;
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                while (node is not ExpressionSyntax && node.Parent is not null && node.Parent.Span == node.Span)
                    node = node.Parent;
                if (node is not ExpressionSyntax expression || expression.Span != diagnostic.Location.SourceSpan)
                    continue;
                if (diagnostic.Properties.TryGetValue(Rewrite.HoistPropertyName, out var hoisted) && hoisted is not null
                    && diagnostic.Properties.TryGetValue(Rewrite.HoistedCodePropertyName, out var hoistedCode) && hoistedCode is not null
                    && EnclosingLoop(expression) is { Parent: BlockSyntax } loop)
                {
                    if (!hoists.TryGetValue(loop, out var locals))
                        hoists[loop] = locals = new Dictionary<string, string>();
                    if (ExistingLocal(loop, hoisted) is { } existing)
                        code = hoistedCode.Replace(Rewrite.HoistedLocal, existing);   // an earlier fix already put it there
                    else
                    {
                        if (!locals.TryGetValue(hoisted, out var name))
                            locals[hoisted] = name = FreeName(NameFor(hoisted), loop, model, locals.Values, cancellationToken);
                        code = hoistedCode.Replace(Rewrite.HoistedLocal, name);
                    }
                }
                var parsed = Prepare(code);
                if (parsed is null)
                    continue;
                ExpressionSyntax replacement = NeedsParentheses(expression, parsed) ? SyntaxFactory.ParenthesizedExpression(parsed) : parsed;
                replacements[expression] = replacement.WithAdditionalAnnotations(Formatter.Annotation).WithTriviaFrom(expression);
            }
            // A finding nested inside another one that is also rewritten disappears with it.
            var outermost = replacements.Keys.Where(n => !n.Ancestors().Any(replacements.ContainsKey)).ToList();
            if (outermost.Count == 0)
                return document;
            var newRoot = root.TrackNodes(outermost.Concat<SyntaxNode>(hoists.Keys));
            foreach (var original in outermost)
                newRoot = newRoot.ReplaceNode(newRoot.GetCurrentNode(original)!, replacements[original]);
            var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToFullString() is { Length: > 0 } eol ? eol : "\n";
            foreach (var pair in hoists)
            {
                var loop = newRoot.GetCurrentNode(pair.Key)!;
                var indent = pair.Key.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
                var declarations = pair.Value.Select(local => Annotate(SyntaxFactory.ParseStatement($"var {local.Value} = {local.Key};")
                    .WithLeadingTrivia(indent).WithTrailingTrivia(SyntaxFactory.ElasticEndOfLine(newLine)))).ToList();
                newRoot = newRoot.InsertNodesBefore(loop, declarations);
            }
            var updated = document.WithSyntaxRoot(newRoot);
            updated = await ImportAdder.AddImportsAsync(updated, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            updated = await Simplifier.ReduceAsync(updated, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(updated, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Parses a rewrite. Only the fully qualified type names are simplified: the simplifier would also drop a cast
        /// such as (double)x that keeps the double overload, so the rest of the text stays as the analyzer wrote it.
        /// </summary>
        static ExpressionSyntax? Prepare(string code)
        {
            var parsed = SyntaxFactory.ParseExpression(code);
            if (parsed.ContainsDiagnostics)
                return null;
            return SimplifyNames(parsed);
        }

        /// <summary>Marks the <c>global::</c>-qualified names for the simplifier (and for adding their usings).</summary>
        static T SimplifyNames<T>(T node) where T : SyntaxNode =>
            node.ReplaceNodes(
                node.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
                    .Where(m => m.Expression is AliasQualifiedNameSyntax alias && alias.Alias.Identifier.Text == "global"),
                (_, n) => n.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));

        static SyntaxNode Annotate(SyntaxNode statement) => SimplifyNames(statement).WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary>
        /// A local declared among the declarations right before the loop as <c>var name = hoisted;</c> (after a fix of
        /// another finding in the same loop), or null.
        /// </summary>
        static string? ExistingLocal(StatementSyntax loop, string hoisted)
        {
            if (loop.Parent is not BlockSyntax block)
                return null;
            var wanted = Compact(Shorten(hoisted));
            for (int i = block.Statements.IndexOf(loop) - 1; i >= 0 && block.Statements[i] is LocalDeclarationStatementSyntax declaration; i--)
                foreach (var variable in declaration.Declaration.Variables)
                    if (variable.Initializer is { } initializer && Compact(Shorten(initializer.Value.ToString())) == wanted)
                        return variable.Identifier.ValueText;
            return null;
        }

        static string Compact(string code) => new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());

        /// <summary>The innermost loop statement around the expression, not crossing a lambda or local function.</summary>
        static StatementSyntax? EnclosingLoop(SyntaxNode node)
        {
            for (var parent = node.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
                    return (StatementSyntax)parent;
                if (parent is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
                    return null;
            }
            return null;
        }

        /// <summary>A local's name from the hoisted call: <c>global::Tutor.StableMath.LogSumExp(x)</c> → logSumExp.</summary>
        static string NameFor(string hoisted)
        {
            int open = hoisted.IndexOf('(');
            var callee = open > 0 ? hoisted.Substring(0, open) : hoisted;
            var method = callee.Substring(callee.LastIndexOf('.') + 1);
            return method.Length == 0 || !SyntaxFacts.IsValidIdentifier(method) ? "hoisted" : char.ToLowerInvariant(method[0]) + method.Substring(1);
        }

        /// <summary><paramref name="name"/>, or name2, name3, … when the member already uses it or something in scope has it.</summary>
        static string FreeName(string name, StatementSyntax loop, SemanticModel? model, IEnumerable<string> taken, CancellationToken cancellationToken)
        {
            var member = loop.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() ?? (SyntaxNode)loop;
            var used = new HashSet<string>(member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            used.UnionWith(taken);
            if (model is not null)
                used.UnionWith(model.LookupSymbols(loop.SpanStart).Select(s => s.Name));
            var candidate = name;
            for (int i = 2; used.Contains(candidate); i++)
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            cancellationToken.ThrowIfCancellationRequested();
            return candidate;
        }
    }
}
