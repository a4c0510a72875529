using System.Numerics;

namespace Tutor.Training;

/// <summary>Anything that owns trainable parameters: a hand-written model, a generated one, a tensor module.</summary>
/// <typeparam name="T">float or double.</typeparam>
public interface IParameters<T> where T : IFloatingPointIeee754<T>
{
    /// <summary>The parameters in a fixed order (optimizers key their state by position).</summary>
    IReadOnlyList<Parameter<T>> Parameters { get; }
}
