namespace Tutor.Numerics.Tests.Rules;

public class XLogYTests
{
    [Fact]
    public Task Entropy_term() => Verify.AnalyzerAsync("""
        class C { double F(double p) => -({|NUM0029:p * Math.Log(p)|}); }
        """);

    [Fact]
    public Task Guarded_is_clean() => Verify.CleanAsync("""
        class C { double F(double p) => p == 0 ? 0 : p * Math.Log(p); }
        """);

    [Fact]
    public Task No_fix() => Verify.NoFixAsync("""
        class C { double F(double p) => -({|NUM0029:p * Math.Log(p)|}); }
        """);
}
