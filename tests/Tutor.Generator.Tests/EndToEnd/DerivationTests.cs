using Tutor.Generator.Tests.Harness;
using Tutor.Generator.Tests.Oracles;

namespace Tutor.Generator.Tests.EndToEnd;

/// <summary>The symbolic derivation of each all-double scenario evaluates to the method's value and the oracle's gradient.</summary>
public class DerivationTests
{
    public static TheoryData<string> AllDoubleScenarios()
    {
        var data = new TheoryData<string>();
        foreach (var s in Scenarios.All.Where(s => s.Tree is not null)) data.Add(s.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllDoubleScenarios))]
    public void Derivation_evaluates_like_the_method_and_its_gradient(string name)
    {
        var scenario = Scenarios.Find(name);
        var assembly = ScenarioAssembly.Get();
        var check = new ScenarioCheck(scenario, assembly);
        object derivation = assembly.GetProperty(ScenarioAssembly.TypeName, name + "Derivation")!;
        foreach (var point in scenario.Points)
        {
            var value = (double)LoadedAssembly.CallInstance(derivation, "Evaluate", point)!;
            Assert.True(Derivatives.Close(value, check.Value(point), 1e-12), $"Evaluate = {value:R}, method {check.Value(point):R}: {check.Describe(point)}");
            var expected = check.ExpectedGradient(point);
            for (int j = 0; j < expected.Length; j++)
            {
                string parameter = check.Parameters[check.Differentiable[j]].Name!;
                var partial = (double)LoadedAssembly.CallInstance(derivation, "EvaluatePartial", parameter, point)!;
                Assert.True(Derivatives.Close(partial, expected[j], 1e-9),
                    $"EvaluatePartial({parameter}) = {partial:R}, oracle {expected[j]:R}: {check.Describe(point)}");
            }
        }
    }
}
