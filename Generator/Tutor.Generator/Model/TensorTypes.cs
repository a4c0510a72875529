using Microsoft.CodeAnalysis;

namespace Tutor.Generator.Model
{
    /// <summary>Tutor.Tensors.Tensor&lt;double&gt; and Tensor&lt;float&gt;: as symbols while parsing, as type names in the model.</summary>
    internal static class TensorTypes
    {
        public const string Prefix = "global::Tutor.Tensors.Tensor<";

        /// <summary>Whether <paramref name="type"/> is <c>Tutor.Tensors.Tensor&lt;double&gt;</c> or <c>Tensor&lt;float&gt;</c>.</summary>
        public static bool IsTensor(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "Tensor", TypeArguments.Length: 1 } named
            && named.ContainingNamespace?.ToDisplayString() == "Tutor.Tensors"
            && named.TypeArguments[0].SpecialType is SpecialType.System_Double or SpecialType.System_Single;

        /// <summary>Whether a model type name (<c>global::Tutor.Tensors.Tensor&lt;double&gt;</c>) is a tensor.</summary>
        public static bool IsTensor(string typeName) => typeName.StartsWith(Prefix, System.StringComparison.Ordinal);

        /// <summary>The element type of a tensor type name: <c>double</c> or <c>float</c>.</summary>
        public static string Element(string typeName) => typeName.Substring(Prefix.Length, typeName.Length - Prefix.Length - 1);

        /// <summary>Whether <paramref name="type"/> is an array of integers (class labels): an input without a derivative.</summary>
        public static bool IsIntegerArray(ITypeSymbol? type) =>
            type is IArrayTypeSymbol { Rank: 1 } array && array.ElementType.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;
    }
}
