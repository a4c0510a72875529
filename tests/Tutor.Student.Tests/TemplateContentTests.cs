using System.Text.Json;
using System.Xml.Linq;

namespace Tutor.Student.Tests;

/// <summary>The template's files say what the issue promises, without packing anything (fast).</summary>
public sealed class TemplateContentTests
{
    static readonly string Content = Repo.PathOf("pack", "Tutor.Templates", "content", "tutor-lesson");

    [Fact]
    public void The_template_is_tutor_lesson_and_references_the_version_being_packed()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Content, ".template.config", "template.json")));
        var root = json.RootElement;
        Assert.Equal("tutor-lesson", root.GetProperty("shortName").GetString());
        Assert.Equal("TutorLesson", root.GetProperty("sourceName").GetString());
        var version = root.GetProperty("symbols").GetProperty("TutorVersion");
        Assert.Equal(Repo.PackageVersion, version.GetProperty("defaultValue").GetString());
        Assert.Equal("TUTOR_PACKAGE_VERSION", version.GetProperty("replaces").GetString());
    }

    [Fact]
    public void The_project_references_Tutor_and_writes_the_generated_code_next_to_the_students_code()
    {
        var project = XDocument.Load(Path.Combine(Content, "TutorLesson.csproj"));
        string? Property(string name) => project.Descendants(name).SingleOrDefault()?.Value;
        Assert.Equal("true", Property("EmitCompilerGeneratedFiles"));
        Assert.Equal("generated", Property("CompilerGeneratedFilesOutputPath"));
        Assert.Equal("Exe", Property("OutputType"));
        Assert.Equal("net10.0", Property("TargetFramework"));
        var reference = project.Descendants("PackageReference").Single();
        Assert.Equal("Tutor", reference.Attribute("Include")?.Value);
        Assert.Equal("TUTOR_PACKAGE_VERSION", reference.Attribute("Version")?.Value);
        Assert.Contains(project.Descendants("Compile"), c => c.Attribute("Remove")?.Value == "generated/**");
    }

    [Fact]
    public void The_editorconfig_raises_the_Numerics_rules_to_warning()
    {
        var lines = File.ReadAllLines(Path.Combine(Content, ".editorconfig")).Select(l => l.Trim()).ToList();
        Assert.Contains("root = true", lines);
        Assert.Contains("dotnet_analyzer_diagnostic.category-Numerics.severity = warning", lines);
    }

    [Fact]
    public void The_program_prints_the_gradient_and_writes_the_walkthrough()
    {
        var program = File.ReadAllText(Path.Combine(Content, "Program.cs"));
        var formulas = File.ReadAllText(Path.Combine(Content, "Formulas.cs"));
        Assert.Contains("[Differentiable]", formulas, StringComparison.Ordinal);
        Assert.Contains("public static partial class Formulas", formulas, StringComparison.Ordinal);
        Assert.Contains("Formulas.FGradient(x, y)", program, StringComparison.Ordinal);
        Assert.Contains("trace.ToMarkdown()", program, StringComparison.Ordinal);
        Assert.Contains("trace.StepThrough()", program, StringComparison.Ordinal);
    }

    [Fact]
    public void The_packages_share_one_version_and_the_Tutor_package_readme_exists()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", Repo.PackageVersion);
        foreach (var project in new[] { "Tutor.Package/Tutor.Package.csproj", "Tutor.Gpu.Package/Tutor.Gpu.Package.csproj", "Tutor.Templates/Tutor.Templates.csproj" })
        {
            var doc = XDocument.Load(Repo.PathOf("pack", project));
            Assert.Contains(doc.Descendants("Import"), i => i.Attribute("Project")?.Value == "../Version.props");
            Assert.Empty(doc.Descendants("Version"));
        }
        Assert.True(File.Exists(Repo.PathOf("pack", "Tutor.Package", "README.md")));
        Assert.True(File.Exists(Repo.PathOf("pack", "Tutor.Templates", "README.md")));
        Assert.True(File.Exists(Repo.PathOf("pack", "Tutor.Gpu.Package", "README.md")));
        // dotnet pack on the solution produces every package: each packing project is in Tutor.sln.
        var solution = File.ReadAllText(Repo.PathOf("Tutor.sln"));
        foreach (var project in new[] { "Tutor.Package", "Tutor.Gpu.Package", "Tutor.Templates" })
            Assert.Contains($@"pack\{project}\{project}.csproj", solution, StringComparison.Ordinal);
    }
}
