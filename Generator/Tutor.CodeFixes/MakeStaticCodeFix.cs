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
    /// <summary>TUT0001: adds <c>static</c> to the method (both parts of a partial method), after its accessibility.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeStaticCodeFix)), Shared]
    public sealed class MakeStaticCodeFix : CodeFixProvider
    {
        const string MethodMustBeStatic = "TUT0001";

        /// <summary>The modifiers that come before 'static' in the usual order (IDE0036's default).</summary>
        static readonly ImmutableHashSet<SyntaxKind> BeforeStatic = ImmutableHashSet.Create(
            SyntaxKind.PublicKeyword, SyntaxKind.PrivateKeyword, SyntaxKind.ProtectedKeyword,
            SyntaxKind.InternalKeyword, SyntaxKind.FileKeyword);

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(MethodMustBeStatic);

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
                var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as MethodDeclarationSyntax;
                if (declaration is null || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method)
                    continue;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Make '{method.Name}' static",
                        ct => MakeStaticAsync(context.Document.Project.Solution, method, ct),
                        equivalenceKey: nameof(MakeStaticCodeFix)),
                    diagnostic);
            }
        }

        static Task<Solution> MakeStaticAsync(Solution solution, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var parts = new[] { method, method.PartialDefinitionPart, method.PartialImplementationPart }
                .Where(m => m is not null)
                .SelectMany(m => m!.DeclaringSyntaxReferences)
                .Distinct();
            return ModifierEditor.AddToDeclarationsAsync(solution, parts, SyntaxKind.StaticKeyword, AddStatic, cancellationToken);
        }

        static MemberDeclarationSyntax AddStatic(MemberDeclarationSyntax declaration)
        {
            var modifiers = declaration.Modifiers;
            var index = 0;
            for (var i = 0; i < modifiers.Count; i++)
            {
                if (BeforeStatic.Contains(modifiers[i].Kind()))
                    index = i + 1;
            }
            return ModifierEditor.InsertModifier(declaration, SyntaxKind.StaticKeyword, index);
        }
    }
}
