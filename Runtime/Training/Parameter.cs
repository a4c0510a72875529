using System.Numerics;

namespace Tutor.Training;

/// <summary>
/// One named trainable parameter: its values and the gradient of the loss with respect to them, element for element.
/// Both are <see cref="Memory{T}"/> so that arrays, slices of one big buffer and (later) tensor storage all plug in
/// without copying; the optimizer writes into <see cref="Value"/> in place.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class Parameter<T> where T : IFloatingPointIeee754<T>
{
    /// <summary>Creates a parameter over existing storage.</summary>
    /// <exception cref="ArgumentException">The value and gradient lengths differ.</exception>
    public Parameter(string name, Memory<T> value, Memory<T> gradient)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value.Length != gradient.Length)
            throw new ArgumentException($"parameter '{name}' has {value.Length} values but {gradient.Length} gradient entries; they must match");
        Name = name;
        Value = value;
        Gradient = gradient;
    }

    /// <summary>Creates a parameter over <paramref name="value"/> with a fresh zero gradient of the same length.</summary>
    public Parameter(string name, T[] value) : this(name, value, new T[value.Length]) { }

    /// <summary>The name used in reports and error messages ("W1", "b2").</summary>
    public string Name { get; }

    /// <summary>The parameter's values θ, updated in place by <see cref="Optimizer{T}.Step"/>.</summary>
    public Memory<T> Value { get; }

    /// <summary>The gradient ∇θ L at the current values, written by the model's backward pass.</summary>
    public Memory<T> Gradient { get; }

    /// <summary>The number of elements.</summary>
    public int Length => Value.Length;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Length})";
}
