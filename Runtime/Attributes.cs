namespace Tutor;

/// <summary>
/// Marks a method whose derivative the Tutor source generator writes: a gradient method, a forward-mode (JVP)
/// method, a <c>...Trace</c> method that records every step with its value, and a symbolic <see cref="Derivation"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
}

/// <summary>
/// Marks a parameter of a <see cref="DifferentiableAttribute"/> method as a constant: no gradient is computed for it
/// (a label, a learning rate, a count). The generator treats it like any other input-independent value.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NoDiffAttribute : Attribute
{
}
