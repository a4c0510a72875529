using System.IO.Compression;
using System.Text;

namespace Tutor.Training.Tests.Data;

/// <summary>Fixture files written per test into a fresh temporary folder, deleted afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("tutor-data-").FullName;

    public string Text(string name, string content) => Bytes(name, Encoding.UTF8.GetBytes(content));

    public string Bytes(string name, byte[] content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Gzip(string name, byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(content);
        return Bytes(name, output.ToArray());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

/// <summary>Finds <c>shared/data</c> beside the clone (CI checks it out there); tests that need it skip when it is absent.</summary>
static class SharedData
{
    public static string? Find(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", file);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that is skipped when a file of ../shared/data is not there.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] files)
    {
        string[] missing = [.. files.Where(f => SharedData.Find(f) is null)];
        if (missing.Length > 0) Skip = $"shared/data/{string.Join(", ", missing)} not found beside the clone";
    }
}
