using Microsoft.CodeAnalysis;

namespace Tutor.Generator.Diagnostics
{
    /// <summary>
    /// Every TUT diagnostic. IDs are never reused; each has a page in docs/generator.md#tutxxxx.
    /// The generator reports the body rules (TUT0005 and up); the declaration analyzer reports TUT0001–TUT0004
    /// so that the IDE can offer code fixes for them.
    /// </summary>
    internal static class Descriptors
    {
        public const string Category = "Differentiation";
        const string HelpBase = "https://github.com/tutor-autograd/tutor/blob/main/docs/generator.md#";

        static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

        static DiagnosticDescriptor Warning(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

        public static readonly DiagnosticDescriptor MethodMustBeStatic = Error("TUT0001",
            "A [Differentiable] method must be static",
            "'{0}' is not static; the generator writes static {0}Gradient/{0}Jvp/{0}Trace next to it; make it static");

        public static readonly DiagnosticDescriptor TypeMustBePartial = Error("TUT0002",
            "The type containing a [Differentiable] method must be partial",
            "'{0}' is not partial, so the generated {1}Gradient cannot be added to it; declare it 'partial' (and every type it is nested in)");

        public static readonly DiagnosticDescriptor MethodMustNotBeGeneric = Error("TUT0003",
            "A [Differentiable] method must not be generic",
            "'{0}' is generic (or inside a generic type); write it for double or float");

        public static readonly DiagnosticDescriptor UnsupportedReturnType = Error("TUT0004",
            "A [Differentiable] method must return double or float",
            "'{0}' returns '{1}'; a [Differentiable] method returns a double or float scalar (arrays and tensors arrive with loops)");

        public static readonly DiagnosticDescriptor UnsupportedStatement = Error("TUT0005",
            "Statement not supported in a [Differentiable] method",
            "The generator cannot differentiate this {0} statement: {1}");

        public static readonly DiagnosticDescriptor UnsupportedExpression = Error("TUT0006",
            "Expression not supported on a differentiable value",
            "The generator cannot differentiate '{0}' ({1}): {2}");

        public static readonly DiagnosticDescriptor UnknownMethod = Error("TUT0007",
            "Call to a method the generator cannot differentiate",
            "'{0}' depends on a differentiable input, but '{1}' has no derivative rule; mark '{1}' [Differentiable] (static, in a partial class), use a Math/MathF/StableMath function, or pass it only constants");

        public static readonly DiagnosticDescriptor TooManyPaths = Error("TUT0008",
            "Too many paths through branches",
            "'{0}' has more than {1} paths through its if/else and ?: branches; move some of the branching into a separate [Differentiable] method");

        public static readonly DiagnosticDescriptor OverloadedName = Error("TUT0009",
            "[Differentiable] methods need distinct names",
            "'{0}' is overloaded; the generated {0}Derivation and {0}Trace would clash; give each [Differentiable] overload its own name (e.g. {0}32 for float)");

        public static readonly DiagnosticDescriptor NoDifferentiableParameter = Error("TUT0010",
            "A [Differentiable] method needs a differentiable parameter",
            "'{0}' has no double or float parameter without [NoDiff]; there is nothing to differentiate with respect to");

        public static readonly DiagnosticDescriptor UnsupportedParameter = Error("TUT0011",
            "Parameter not supported in a [Differentiable] method",
            "Parameter '{0}' {1}; pass it by value as double or float, or mark it [NoDiff]");

        public static readonly DiagnosticDescriptor GeneratedNameClash = Error("TUT0012",
            "A generated member's name is already taken",
            "'{0}' already declares '{1}', the name of a member the generator writes for '{2}'; rename one of them");

        public static readonly DiagnosticDescriptor NoDiffArgument = Warning("TUT0013",
            "A differentiable value is passed to a [NoDiff] parameter",
            "'{0}' depends on a differentiable input but is passed to '{1}', which '{2}' does not differentiate; its gradient through this argument is treated as zero");

        static System.Collections.Generic.Dictionary<string, DiagnosticDescriptor>? byId;

        /// <summary>The descriptor with this id (diagnostics travel through the pipeline as ids).</summary>
        public static DiagnosticDescriptor ById(string id)
        {
            var map = byId;
            if (map is null)
            {
                map = new System.Collections.Generic.Dictionary<string, DiagnosticDescriptor>();
                foreach (var field in typeof(Descriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
                    if (field.GetValue(null) is DiagnosticDescriptor d) map[d.Id] = d;
                byId = map;
            }
            return map[id];
        }

        public static readonly DiagnosticDescriptor InternalError = Error("TUT0099",
            "The generator failed on this method",
            "The generator could not process '{0}': {1}. Please report this with the method's source.");
    }
}
