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

namespace Tutor.CodeFixes
{
    /// <summary>TUT0002: declares the type, and every type it is nested in, <c>partial</c> (in all their declarations).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
    public sealed class MakePartialCodeFix : CodeFixProvider
    {
        const string TypeMustBePartial = "TUT0002";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(TypeMustBePartial);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
                return;
            foreach (var diagnostic in context.Diagnostics)
            {
                var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as TypeDeclarationSyntax;
                if (declaration is null || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type)
                    continue;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Make '{type.Name}' partial",
                        ct => MakePartialAsync(context.Document.Project.Solution, type, ct),
                        equivalenceKey: nameof(MakePartialCodeFix)),
                    diagnostic);
            }
        }

        static Task<Solution> MakePartialAsync(Solution solution, INamedTypeSymbol type, CancellationToken cancellationToken) =>
            ModifierEditor.AddToDeclarationsAsync(
                solution,
                SelfAndContainingTypes(type).SelectMany(t => t.DeclaringSyntaxReferences),
                SyntaxKind.PartialKeyword,
                // 'partial' must come right before 'class', 'struct', 'record' or 'interface'.
                d => ModifierEditor.InsertModifier(d, SyntaxKind.PartialKeyword, d.Modifiers.Count),
                cancellationToken);

        static IEnumerable<INamedTypeSymbol> SelfAndContainingTypes(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
                yield return t;
        }
    }
}
