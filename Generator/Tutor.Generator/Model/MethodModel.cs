using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Tutor.Generator.Model
{
    // The model is what the incremental pipeline caches between edits. It holds only strings, numbers, enums and
    // equatable arrays — never an ISymbol, SyntaxNode, SyntaxTree or Location — so that an unrelated edit produces
    // an equal model and the generator's output step is skipped.

    /// <summary>A [Differentiable] method, lowered to the IR, with everything needed to emit its generated members.</summary>
    internal sealed record MethodModel(
        string HintName,
        string Namespace,
        EquatableArray<ContainingType> Types,
        EquatableArray<string> Usings,
        string Accessibility,
        string Name,
        string ReturnType,
        string CrefSignature,
        EquatableArray<ParameterModel> Parameters,
        Block Body,
        string SourceFile);

    /// <summary>A type the method is nested in, outermost first (e.g. <c>class</c>, <c>Formulas</c>).</summary>
    internal sealed record ContainingType(string Keyword, string Name);

    /// <summary>
    /// A parameter. <paramref name="Differentiable"/>: a double/float parameter without [NoDiff]; it gets an adjoint
    /// in reverse mode, a tangent argument in forward mode and an entry in the gradient tuple.
    /// <paramref name="Name"/> is the name as declared (without @); <paramref name="IrName"/> the name generated code
    /// uses for its value — the same, unless the name is a keyword or its adjoint/tangent names are other parameters'
    /// names (x, xDot, xBar), in which case the generated members start by copying it.
    /// </summary>
    internal sealed record ParameterModel(string Name, string Type, bool Differentiable, string IrName)
    {
        /// <summary>The name as it must appear in C# (with @ for a keyword).</summary>
        public string Escaped => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(Name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + Name : Name;

        /// <summary>The C# declaration: <c>double x</c>.</summary>
        public string Declaration => Type + " " + Escaped;

        /// <summary>The line that copies the parameter into its IR name, or null when they are the same.</summary>
        public string? Copy => IrName == Name ? null : $"{Type} {IrName} = {Escaped};";
    }

    /// <summary>A diagnostic as plain data (a Location would pin the syntax tree and defeat caching).</summary>
    internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
    {
        public Diagnostic ToDiagnostic()
        {
            var descriptor = Diagnostics.Descriptors.ById(Id);
            var location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
            var args = new object[Arguments.Count];
            for (int i = 0; i < args.Length; i++) args[i] = Arguments[i];
            return Diagnostic.Create(descriptor, location, args);
        }

        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
        {
            if (location is null || !location.IsInSource)
                return new DiagnosticInfo(descriptor.Id, "", default, default, arguments.ToEquatableArray());
            var line = location.GetLineSpan();
            return new DiagnosticInfo(descriptor.Id, line.Path ?? "", location.SourceSpan, line.Span, arguments.ToEquatableArray());
        }
    }

    /// <summary>What parsing one method gives: a model (null when it cannot be generated) and its diagnostics.</summary>
    internal sealed record ParseResult(MethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
