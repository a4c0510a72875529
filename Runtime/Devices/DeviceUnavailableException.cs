namespace Tutor.Devices;

/// <summary>A device was asked for by name (<c>gpu</c>) and cannot be used; the message names the reason and the fix.</summary>
public sealed class DeviceUnavailableException : Exception
{
    /// <summary>Creates the exception with the message a user reads.</summary>
    public DeviceUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with the message a user reads and the failure behind it.</summary>
    public DeviceUnavailableException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception with a generic message.</summary>
    public DeviceUnavailableException() : base("The requested device cannot be used.") { }
}
