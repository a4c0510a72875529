using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tutor.Generator.Diagnostics;
using Tutor.Generator.Model;

namespace Tutor.Generator.Parsing
{
    /// <summary>Turns one [Differentiable] method into its model, or into diagnostics saying why it cannot be.</summary>
    internal static class Parser
    {
        public const string DifferentiableAttribute = "Tutor.DifferentiableAttribute";
        public const string NoDiffAttribute = "Tutor.NoDiffAttribute";

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax syntax)
                return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            try
            {
                return ParseMethod(method, syntax, context.SemanticModel, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                // The generator must never throw: a bug here becomes a diagnostic on the method.
                var info = DiagnosticInfo.Create(Descriptors.InternalError, syntax.Identifier.GetLocation(), method.Name, e.GetType().Name + ": " + e.Message);
                return new ParseResult(null, new[] { info }.ToEquatableArray());
            }
        }

        static ParseResult ParseMethod(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken ct)
        {
            var diagnostics = new List<DiagnosticInfo>();

            // Declaration rules (static, partial, generic, return type) are reported by DeclarationAnalyzer, which
            // can offer code fixes; here they only stop generation.
            if (!method.IsStatic || method.IsGenericMethod || !IsScalar(method.ReturnType) || method.ReturnsByRef || method.ReturnsByRefReadonly)
                return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            for (var t = method.ContainingType; t is not null; t = t.ContainingType)
            {
                if (t.IsGenericType || !IsPartial(t, ct))
                    return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            var parameters = new List<ParameterModel>();
            foreach (var p in method.Parameters)
            {
                var location = p.Locations.FirstOrDefault();
                if (p.RefKind != RefKind.None)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedParameter, location, p.Name, "is passed by reference (" + p.RefKind.ToString().ToLowerInvariant() + ")"));
                    continue;
                }
                if (p.IsParams)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedParameter, location, p.Name, "is a params array"));
                    continue;
                }
                bool noDiff = p.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NoDiffAttribute);
                if (p.Type is IArrayTypeSymbol { Rank: > 1 } && !noDiff)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedParameter, location, p.Name, "is a multi-dimensional array (use a one-dimensional double[] and index it as i * columns + j)"));
                    continue;
                }
                if (!noDiff && p.Type.SpecialType == SpecialType.None && p.Type.TypeKind is TypeKind.Struct or TypeKind.Class or TypeKind.Array && !Activity.IsFloating(p.Type)
                    && !TensorTypes.IsIntegerArray(p.Type))
                {
                    // A struct or object parameter would be a constant here: say so rather than return a zero gradient.
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedParameter, location, p.Name,
                        "is of type '" + p.Type.ToDisplayString() + "', and only double, float, their arrays and Tutor.Tensors.Tensor<double>/Tensor<float> parameters are differentiated (pass its fields as separate parameters, or mark it [NoDiff] if it holds constants)"));
                    continue;
                }
                parameters.Add(new ParameterModel(p.Name, TypeName(p.Type), Activity.IsFloating(p.Type) && !noDiff, p.Name));
            }

            if (diagnostics.Count == 0 && !parameters.Any(p => p.Differentiable))
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.NoDifferentiableParameter, syntax.Identifier.GetLocation(), method.Name));

            CheckNames(method, syntax, diagnostics);
            if (diagnostics.Any(d => Descriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
                return new ParseResult(null, diagnostics.ToEquatableArray());

            var lowering = new Lowering(method, syntax, semanticModel, ct);
            var body = lowering.LowerBody();
            diagnostics.AddRange(lowering.Diagnostics);
            if (body is null || diagnostics.Any(d => Descriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
                return new ParseResult(null, diagnostics.ToEquatableArray());
            parameters = parameters.Select(p => lowering.ParameterNames.TryGetValue(p.Name, out var ir) ? p with { IrName = ir } : p).ToList();

            var model = new MethodModel(
                HintName: HintName(method),
                Namespace: method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "",
                Types: ContainingTypes(method).ToEquatableArray(),
                Usings: Usings(syntax).ToEquatableArray(),
                Accessibility: Accessibility(method.DeclaredAccessibility),
                Name: method.Name,
                ReturnType: TypeName(method.ReturnType),
                CrefSignature: method.Name + "(" + string.Join(", ", method.Parameters.Select(p => TypeName(p.Type))) + ")",
                Parameters: parameters.ToEquatableArray(),
                Body: body,
                SourceFile: FileName(syntax.SyntaxTree.FilePath));
            return new ParseResult(model, diagnostics.ToEquatableArray());
        }

        /// <summary>Overloads would make the generated {Name}Derivation clash; a user member with a generated name would too.</summary>
        static void CheckNames(IMethodSymbol method, MethodDeclarationSyntax syntax, List<DiagnosticInfo> diagnostics)
        {
            var type = method.ContainingType;
            int overloads = type.GetMembers(method.Name).OfType<IMethodSymbol>().Count(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == DifferentiableAttribute));
            if (overloads > 1)
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.OverloadedName, syntax.Identifier.GetLocation(), method.Name));
            foreach (var suffix in GeneratedSuffixes)
            {
                var name = method.Name + suffix;
                if (type.GetMembers(name).Length > 0)
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.GeneratedNameClash, syntax.Identifier.GetLocation(), type.Name, name, method.Name));
            }
        }

        public static readonly string[] GeneratedSuffixes = { "Gradient", "Jvp", "Trace", "Derivation" };

        public static bool IsScalar(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_Double || type.SpecialType == SpecialType.System_Single;

        public static string TypeName(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_Double => "double",
            SpecialType.System_Single => "float",
            SpecialType.System_Int32 => "int",
            SpecialType.System_Int64 => "long",
            SpecialType.System_Boolean => "bool",
            _ => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
        };

        static bool IsPartial(INamedTypeSymbol type, CancellationToken ct) =>
            type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(ct) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

        static IEnumerable<ContainingType> ContainingTypes(IMethodSymbol method)
        {
            var chain = new List<ContainingType>();
            for (var t = method.ContainingType; t is not null; t = t.ContainingType)
            {
                string keyword = t.IsRecord ? (t.IsValueType ? "record struct" : "record")
                    : t.TypeKind == TypeKind.Struct ? "struct"
                    : t.TypeKind == TypeKind.Interface ? "interface"
                    : "class";
                chain.Add(new ContainingType(keyword, t.Name));
            }
            chain.Reverse();
            return chain;
        }

        /// <summary>The student's using directives, so expressions copied from their code bind the same way.</summary>
        static IEnumerable<string> Usings(SyntaxNode node)
        {
            var result = new List<string>();
            foreach (var ancestor in node.Ancestors())
            {
                SyntaxList<UsingDirectiveSyntax> usings = ancestor switch
                {
                    CompilationUnitSyntax unit => unit.Usings,
                    BaseNamespaceDeclarationSyntax ns => ns.Usings,
                    _ => default,
                };
                foreach (var u in usings)
                    if (u.GlobalKeyword.IsKind(SyntaxKind.None)) result.Add(u.WithoutTrivia().ToString());
            }
            return result.Distinct();
        }

        /// <summary>The file's name without its folder (generated code names it in shape errors).</summary>
        static string FileName(string path)
        {
            int slash = System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            var name = path.Substring(slash + 1);
            return name.Length == 0 ? "the source" : name.Replace("\\", "").Replace("\"", "");
        }

        static string HintName(IMethodSymbol method)
        {
            var type = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");
            return type + "." + method.Name + ".g.cs";
        }

        static string Accessibility(Accessibility a) => a switch
        {
            Microsoft.CodeAnalysis.Accessibility.Public => "public",
            Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
            Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
            Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
            Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
            _ => "private",
        };
    }
}
