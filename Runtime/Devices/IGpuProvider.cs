namespace Tutor.Devices;

/// <summary>
/// Finds a GPU. <c>Tutor.Runtime</c> cannot reference the GPU backend (the reference goes the other way), so the backend
/// names its implementation with <see cref="GpuProviderAttribute"/> and <see cref="ComputeDevice"/> loads it by
/// assembly name.
/// </summary>
public interface IGpuProvider
{
    /// <summary>Looks for a usable GPU and opens it. Never throws: a failure is a <see cref="GpuOffer.None"/> with the reason.</summary>
    GpuOffer Open();
}

/// <summary>Names the <see cref="IGpuProvider"/> of an assembly (the GPU backend, <c>Tutor.Runtime.Gpu</c>).</summary>
/// <param name="providerType">A public type with a public parameterless constructor that implements <see cref="IGpuProvider"/>.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class GpuProviderAttribute(Type providerType) : Attribute
{
    /// <summary>The provider's type.</summary>
    public Type ProviderType { get; } = providerType;
}
