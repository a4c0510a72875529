using System.Collections;
using System.Numerics;

namespace Tutor.Training;

/// <summary>A simple ordered, name-unique list of parameters: the <see cref="IParameters{T}"/> a lesson builds by hand.</summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class ParameterSet<T> : IParameters<T>, IEnumerable<Parameter<T>> where T : IFloatingPointIeee754<T>
{
    readonly List<Parameter<T>> parameters = [];

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => parameters;

    /// <summary>The total number of scalar parameters.</summary>
    public int TotalLength => parameters.Sum(p => p.Length);

    /// <summary>Adds a parameter.</summary>
    /// <exception cref="ArgumentException">The name is already taken.</exception>
    public Parameter<T> Add(Parameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameters.Any(p => p.Name == parameter.Name)) throw new ArgumentException($"a parameter named '{parameter.Name}' is already in the set");
        parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a parameter over existing value and gradient storage.</summary>
    public Parameter<T> Add(string name, Memory<T> value, Memory<T> gradient) => Add(new Parameter<T>(name, value, gradient));

    /// <summary>Adds a parameter over <paramref name="value"/> with a fresh zero gradient.</summary>
    public Parameter<T> Add(string name, T[] value) => Add(new Parameter<T>(name, value));

    /// <summary>Looks a parameter up by name.</summary>
    public Parameter<T> this[string name] => parameters.Find(p => p.Name == name) ?? throw new KeyNotFoundException($"no parameter named '{name}'");

    /// <summary>Sets every gradient to zero (before a backward pass that accumulates with +=).</summary>
    public void ZeroGradients()
    {
        foreach (var p in parameters) p.Gradient.Span.Clear();
    }

    /// <summary>The Euclidean norm of all gradients together, ‖∇θ L‖₂, accumulated in double.</summary>
    public double GradientNorm()
    {
        double sum = 0;
        foreach (var p in parameters)
            foreach (var g in p.Gradient.Span) sum += double.CreateChecked(g) * double.CreateChecked(g);
        return Math.Sqrt(sum);
    }

    /// <inheritdoc/>
    public IEnumerator<Parameter<T>> GetEnumerator() => parameters.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
