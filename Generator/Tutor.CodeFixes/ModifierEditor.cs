using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tutor.CodeFixes
{
    /// <summary>
    /// Adds a modifier keyword to declarations that may sit in several documents (partial types, partial methods),
    /// keeping each declaration's trivia where it was. Both fixers share this one home.
    /// </summary>
    internal static class ModifierEditor
    {
        /// <summary>Adds <paramref name="modifier"/> to each declaration that lacks it, via <paramref name="withModifier"/>.</summary>
        public static async Task<Solution> AddToDeclarationsAsync(
            Solution solution,
            IEnumerable<SyntaxReference> declarations,
            SyntaxKind modifier,
            System.Func<MemberDeclarationSyntax, MemberDeclarationSyntax> withModifier,
            CancellationToken cancellationToken)
        {
            var byTree = declarations.GroupBy(r => r.SyntaxTree);
            foreach (var group in byTree)
            {
                var document = solution.GetDocument(group.Key);
                if (document is null)
                    continue;
                var root = await group.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
                var nodes = group
                    .Select(r => r.GetSyntax(cancellationToken))
                    .OfType<MemberDeclarationSyntax>()
                    .Where(d => !d.Modifiers.Any(modifier))
                    .ToList();
                if (nodes.Count == 0)
                    continue;
                // Nested declarations: rewrite the already-rewritten node, or the inner edit is lost.
                var newRoot = root.ReplaceNodes(nodes, (_, rewritten) => withModifier(rewritten));
                solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
            }
            return solution;
        }

        /// <summary>
        /// Inserts <paramref name="token"/> at <paramref name="index"/> in the modifier list. When it becomes the first
        /// token of the declaration (no attributes, nothing before it), it takes over the leading trivia of the token
        /// that held it, so comments and indentation stay put.
        /// </summary>
        public static TDeclaration InsertModifier<TDeclaration>(TDeclaration declaration, SyntaxKind kind, int index)
            where TDeclaration : MemberDeclarationSyntax
        {
            var modifiers = declaration.Modifiers;
            var next = index < modifiers.Count ? modifiers[index] : FirstTokenAfterModifiers(declaration);
            var token = SyntaxFactory.Token(next.LeadingTrivia, kind, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            var updated = declaration.ReplaceToken(next, next.WithLeadingTrivia());
            return (TDeclaration)updated.WithModifiers(updated.Modifiers.Insert(index, token));
        }

        static SyntaxToken FirstTokenAfterModifiers(MemberDeclarationSyntax declaration) =>
            declaration.Modifiers.Count > 0 ? declaration.Modifiers.Last().GetNextToken()
            : declaration.AttributeLists.Count > 0 ? declaration.AttributeLists.Last().GetLastToken().GetNextToken()
            : declaration.GetFirstToken();
    }
}
