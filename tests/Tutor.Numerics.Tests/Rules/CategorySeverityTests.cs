using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Tutor.Numerics.Tests.Rules;

/// <summary>
/// Every rule is in the category Numerics, so one .editorconfig line raises or lowers all of them. The category-wide
/// line is resolved by the compiler itself (the testing library does not apply it), so that case builds a real
/// project the way a student would.
/// </summary>
public class CategorySeverityTests
{
    const string Source = """
        class C
        {
            double F(double x) => Math.Log(1 + Math.Exp(x));
            double G(double x) => Math.Log(1 + x);
        }
        """;

    [Fact]
    public Task Per_id_severity_none_turns_one_rule_off() => Verify.WithEditorConfigAsync(Source,
        "dotnet_diagnostic.NUM0011.severity = none",
        Verify.Diagnostic("NUM0006", DiagnosticSeverity.Warning).WithSpan(7, 27, 7, 52));

    [Fact]
    public Task Per_id_severity_error_raises_an_info_rule() => Verify.WithEditorConfigAsync(Source,
        "dotnet_diagnostic.NUM0011.severity = error",
        Verify.Diagnostic("NUM0006", DiagnosticSeverity.Warning).WithSpan(7, 27, 7, 52),
        Verify.Diagnostic("NUM0011", DiagnosticSeverity.Error).WithSpan(8, 27, 8, 42));

    [Fact]
    public async Task Category_severity_error_raises_warnings_and_infos_in_a_real_build()
    {
        var directory = Directory.CreateTempSubdirectory("numerics-category-");
        try
        {
            var output = AppContext.BaseDirectory;
            File.WriteAllText(Path.Combine(directory.FullName, "Student.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <Analyzer Include="{Path.Combine(output, "Tutor.Generator.dll")}" />
                    <Reference Include="{Path.Combine(output, "Tutor.Runtime.dll")}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory.FullName, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory.FullName, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory.FullName, ".editorconfig"),
                "root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-Numerics.severity = error\n");
            File.WriteAllText(Path.Combine(directory.FullName, "C.cs"), Source);

            var start = new ProcessStartInfo("dotnet", "build -nologo -v:q")
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var build = Process.Start(start)!;
            var log = await build.StandardOutput.ReadToEndAsync() + await build.StandardError.ReadToEndAsync();
            await build.WaitForExitAsync();

            Assert.Contains("error NUM0006", log);
            Assert.Contains("error NUM0011", log);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
