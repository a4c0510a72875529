using Tutor.Generator.Tests.Oracles;

namespace Tutor.Generator.Tests.EndToEnd;

/// <summary>
/// One [Differentiable] method the generator must handle, the points to check it at and its oracle: complex step
/// over <see cref="Tree"/> when the method is analytic (its C# is printed from the tree), otherwise fourth-order
/// central differences of the compiled original (or of <see cref="Twin"/>, a double copy of a float method).
/// </summary>
public sealed record Scenario(string Name, string Members, double[][] Points)
{
    public Expr? Tree { get; init; }
    public string? Twin { get; init; }
    public bool Single { get; init; }

    /// <summary>An analytic scenario: the method's body is <paramref name="tree"/> printed as C#.</summary>
    public static Scenario Analytic(string name, Expr tree, string[] parameters, params double[][] points) =>
        new Scenario(name, $"""
                [Differentiable]
                public static double {name}({string.Join(", ", parameters.Select(p => "double " + p))}) => {tree.ToCSharp()};
            """, points) with { Tree = tree };

    public override string ToString() => Name;
}
