namespace Tutor.Numerics.Tests.Rules;

public class AtanOfRatioTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x, double y) => {|NUM0030:Math.Atan(y / x)|}; }
        """);

    [Fact]
    public Task Atan2_is_clean() => Verify.CleanAsync("""
        class C { double F(double x, double y) => Math.Atan2(y, x); }
        """);

    [Fact]
    public Task No_fix() => Verify.NoFixAsync("""
        class C { double F(double x, double y) => {|NUM0030:Math.Atan(y / x)|}; }
        """);
}
