using System.Buffers.Binary;
using System.IO.Compression;

namespace Tutor.Data;

/// <summary>Opens data files, decompressing gzip transparently (recognised by its magic bytes 1F 8B, not by the name).</summary>
public static class DataFile
{
    /// <summary>Reads the whole file, decompressed if it is gzip.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    /// <exception cref="DataFormatException">The gzip stream is corrupt or cut short.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        byte[] raw = File.ReadAllBytes(path);
        return Decompress(raw, Path.GetFileName(path));
    }

    /// <summary>Returns <paramref name="bytes"/> decompressed if they start with the gzip magic, else unchanged.</summary>
    public static byte[] Decompress(byte[] bytes, string fileName)
    {
        if (!IsGzip(bytes)) return bytes;
        if (bytes.Length < 18) throw new DataFormatException(fileName, $"the gzip data is truncated: {bytes.Length} bytes is shorter than a gzip header and trailer");
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            // .NET stops quietly at the end of a cut-short stream; the trailer's ISIZE (length mod 2³²) catches it.
            // (A file of several concatenated gzip members would need each member checked; such files are rare for data.)
            uint expected = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
            if ((uint)output.Length != expected)
                throw new DataFormatException(fileName, $"the gzip data is corrupt or truncated: it decompressed to {output.Length} bytes, but its trailer says {expected}");
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(fileName, $"the gzip data is corrupt or truncated ({e.Message})");
        }
    }

    /// <summary>True when the bytes start with the gzip magic number 1F 8B.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;
}
