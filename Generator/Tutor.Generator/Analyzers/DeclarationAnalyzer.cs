using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Tutor.Generator.Diagnostics;

namespace Tutor.Generator.Analyzers
{
    /// <summary>
    /// Checks the declaration of every <c>[Differentiable]</c> method: static (TUT0001), inside partial types
    /// (TUT0002), not generic (TUT0003), returning double or float (TUT0004). These live in an analyzer rather than
    /// in the generator so that the IDE can attach code fixes to them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
    {
        const string DifferentiableAttributeName = "Tutor.DifferentiableAttribute";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.MethodMustBeStatic,
            Descriptors.TypeMustBePartial,
            Descriptors.MethodMustNotBeGeneric,
            Descriptors.UnsupportedReturnType,
            Descriptors.InternalError);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var attribute = start.Compilation.GetTypeByMetadataName(DifferentiableAttributeName);
                if (attribute is null)
                    return;
                start.RegisterSymbolAction(c => Guarded(c, attribute, AnalyzeMethod), SymbolKind.Method);
                // One TUT0002 per non-partial type, however many [Differentiable] methods it (or its nested types) holds.
                start.RegisterSymbolAction(c => Guarded(c, attribute, AnalyzeType), SymbolKind.NamedType);
            });
        }

        static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol attribute)
        {
            var method = (IMethodSymbol)context.Symbol;
            // A partial method arrives twice (definition and implementation); report on the definition only.
            if (method.PartialDefinitionPart is not null || !IsDifferentiable(method, attribute))
                return;
            var name = method.Locations.FirstOrDefault() ?? Location.None;

            if (!method.IsStatic)
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.MethodMustBeStatic, name, method.Name));

            if (method.IsGenericMethod || ContainingTypes(method).Any(t => t.IsGenericType))
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.MethodMustNotBeGeneric, name, method.Name));

            if (!ReturnsScalar(method))
            {
                var returnType = (method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : "")
                    + method.ReturnType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedReturnType,
                    ReturnTypeLocation(method, context.CancellationToken) ?? name, method.Name, returnType));
            }
        }

        static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol attribute)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var declaration = FirstNonPartialDeclaration(type, context.CancellationToken);
            if (declaration is null)
                return;
            var method = FirstDifferentiableMethod(type, attribute);
            if (method is null)
                return;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TypeMustBePartial, declaration.Identifier.GetLocation(), type.Name, method.Name));
        }

        /// <summary>The analyzer must never throw: an exception becomes TUT0099 on the symbol instead of AD0001.</summary>
        static void Guarded(SymbolAnalysisContext context, INamedTypeSymbol attribute, Action<SymbolAnalysisContext, INamedTypeSymbol> analyze)
        {
            try
            {
                analyze(context, attribute);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var location = context.Symbol.Locations.FirstOrDefault() ?? Location.None;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, location, context.Symbol.Name, ex.Message));
            }
        }

        static bool IsDifferentiable(IMethodSymbol method, INamedTypeSymbol attribute) =>
            method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

        /// <summary>A return type the compiler could not bind is the compiler's error to report, not ours.</summary>
        static bool ReturnsScalar(IMethodSymbol method) =>
            method.ReturnType.TypeKind == TypeKind.Error
            || (!method.ReturnsByRef && !method.ReturnsByRefReadonly
                && method.ReturnType.SpecialType is SpecialType.System_Double or SpecialType.System_Single);

        static Location? ReturnTypeLocation(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var returnType = reference.GetSyntax(cancellationToken) switch
                {
                    MethodDeclarationSyntax m => m.ReturnType,
                    OperatorDeclarationSyntax o => o.ReturnType,
                    ConversionOperatorDeclarationSyntax c => c.Type,
                    _ => null,
                };
                if (returnType is not null)
                    return returnType.GetLocation();
            }
            return null;
        }

        static System.Collections.Generic.IEnumerable<INamedTypeSymbol> ContainingTypes(ISymbol symbol)
        {
            for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
                yield return type;
        }

        /// <summary>
        /// The first declaration of the type without 'partial' (the type counts as partial only if every declaration
        /// says so), or null when there is none.
        /// </summary>
        static TypeDeclarationSyntax? FirstNonPartialDeclaration(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            type.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .FirstOrDefault(d => !d.Modifiers.Any(SyntaxKind.PartialKeyword));

        /// <summary>The first [Differentiable] method declared in the type or in any type nested in it, depth first.</summary>
        static IMethodSymbol? FirstDifferentiableMethod(INamedTypeSymbol type, INamedTypeSymbol attribute)
        {
            foreach (var member in type.GetMembers())
            {
                var found = member switch
                {
                    IMethodSymbol m when IsDifferentiable(m, attribute) => m,
                    INamedTypeSymbol nested => FirstDifferentiableMethod(nested, attribute),
                    _ => null,
                };
                if (found is not null)
                    return found;
            }
            return null;
        }
    }
}
