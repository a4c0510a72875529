namespace Tutor.Numerics.Tests.Rules;

public class ExpOfLogTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0031:Math.Exp(Math.Log(x))|}; }
        """);

    [Fact]
    public Task No_fix() => Verify.NoFixAsync("""
        class C { double F(double x) => {|NUM0031:Math.Exp(Math.Log(x))|}; }
        """);
}
