using Microsoft.CodeAnalysis;

namespace Tutor.Generator.Numerics
{
    /// <summary>The types the numerics rules recognise, resolved once per compilation.</summary>
    internal sealed class NumericsSymbols
    {
        NumericsSymbols(Compilation compilation)
        {
            Math = compilation.GetTypeByMetadataName("System.Math");
            MathF = compilation.GetTypeByMetadataName("System.MathF");
            Double = compilation.GetSpecialType(SpecialType.System_Double);
            Single = compilation.GetSpecialType(SpecialType.System_Single);
            StableMath = compilation.GetTypeByMetadataName("Tutor.StableMath");
            Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            TensorPrimitives = compilation.GetTypeByMetadataName("System.Numerics.Tensors.TensorPrimitives");
            Differentiable = compilation.GetTypeByMetadataName("Tutor.DifferentiableAttribute");
        }

        public INamedTypeSymbol? Math { get; }
        public INamedTypeSymbol? MathF { get; }
        public INamedTypeSymbol Double { get; }
        public INamedTypeSymbol Single { get; }
        public INamedTypeSymbol? StableMath { get; }
        public INamedTypeSymbol? Enumerable { get; }
        public INamedTypeSymbol? TensorPrimitives { get; }
        public INamedTypeSymbol? Differentiable { get; }

        public static NumericsSymbols Resolve(Compilation compilation) => new NumericsSymbols(compilation);

        /// <summary>Math.name or MathF.name (also through <c>using static</c>, which binds to the same method).</summary>
        public bool IsMath(IMethodSymbol method) => Is(method.ContainingType, Math) || Is(method.ContainingType, MathF);

        public bool IsStableMath(IMethodSymbol method) => Is(method.ContainingType, StableMath);

        public bool IsFloatingType(IMethodSymbol method) => Is(method.ContainingType, Double) || Is(method.ContainingType, Single);

        public bool IsTensorPrimitives(IMethodSymbol method) => Is(method.ContainingType, TensorPrimitives);

        public bool IsEnumerable(IMethodSymbol method) => Is(method.ContainingType, Enumerable);

        public bool IsDifferentiable(ISymbol? owner)
        {
            if (Differentiable is null || owner is not IMethodSymbol method)
                return false;
            foreach (var attribute in method.GetAttributes())
                if (Is(attribute.AttributeClass, Differentiable))
                    return true;
            return false;
        }

        static bool Is(ITypeSymbol? type, ITypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
    }
}
