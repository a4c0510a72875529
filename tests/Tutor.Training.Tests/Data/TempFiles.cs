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

/// <summary>Finds a data file the project ships in <c>Lessons/data</c> (walking up from the test binaries to the repository).</summary>
static class SharedData
{
    public static string Find(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "Lessons", "data", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"Lessons/data/{file} not found above {AppContext.BaseDirectory}; the project ships it.");
    }
}

/// <summary>A fact that needs a data file shipped in Lessons/data; it fails (never skips) when the file is missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] files)
    {
        _ = files;
    }
}
