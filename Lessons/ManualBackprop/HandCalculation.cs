using Tutor.Lessons.Reports;

namespace Tutor.Lessons.ManualBackprop;

/// <summary>
/// The forward and backward pass as the exercise asks for them: by hand, one named quantity at a time, with the
/// textbook δ notation — written without any help from the generator, then compared with the generated trace.
/// </summary>
public sealed class HandCalculation
{
    public required double H1 { get; init; }
    public required double H2 { get; init; }
    public required double Out1 { get; init; }
    public required double Out2 { get; init; }
    public required double E { get; init; }

    /// <summary>∂E/∂θ by hand, in <see cref="ManualBackpropLesson.ParameterNames"/> order.</summary>
    public required double[] Gradient { get; init; }

    /// <summary>The forward steps.</summary>
    public required IReadOnlyList<HandStep> Forward { get; init; }

    /// <summary>The backward steps (δs and the gradient).</summary>
    public required IReadOnlyList<HandStep> Backward { get; init; }

    public IEnumerable<HandStep> Steps => Forward.Concat(Backward);

    /// <summary>A parameter name in LaTeX.</summary>
    public static string Latex(string name) => name switch
    {
        "b_h1" => "b_{h_1}", "b_h2" => "b_{h_2}", "b_o1" => "b_{o_1}", "b_o2" => "b_{o_2}",
        _ => name[0] + "_" + name[1..],
    };

    static string N(double v) => Num.Sig(v, 11);

    /// <summary>Runs the hand calculation at parameters <paramref name="p"/>; <paramref name="trace"/> supplies the generated numbers to compare with.</summary>
    public static HandCalculation Run(double[] p, double x1, double x2, double o1, double o2, Trace trace)
    {
        double w1 = p[0], w2 = p[1], w3 = p[2], w4 = p[3], w5 = p[4], w6 = p[5], w7 = p[6], w8 = p[7], bh1 = p[8], bh2 = p[9], bo1 = p[10], bo2 = p[11];
        var forward = new List<HandStep>();
        var backward = new List<HandStep>();

        // What the generated trace says about a local of the student's function: its value, and its adjoint ∂E/∂local.
        ForwardStep? Step(string name) => trace.Forward.FirstOrDefault(s => s.Name == name);
        ForwardStep? Operand(string name, int k = 0) => Step(name) is { } s && k < s.Operands.Count ? Step(s.Operands[k]) : null;

        double net1 = w1 * x1 + w2 * x2 + bh1;
        forward.Add(new(@"\text{net}_{h_1}", @"w_1 x_1 + w_2 x_2 + b_{h_1}", $@"{N(w1)} \cdot {N(x1)} + {N(w2)} \cdot {N(x2)} + {N(bh1)}", net1, Operand("h1")?.Value, "trace: operand of h1"));
        double h1 = 1 / (1 + Math.Exp(-net1));
        forward.Add(new("h_1", @"\sigma(\text{net}_{h_1}) = 1/(1 + e^{-\text{net}_{h_1}})", $@"1/(1 + e^{{-{N(net1)}}})", h1, Step("h1")?.Value, "trace: h1"));
        double net2 = w3 * x1 + w4 * x2 + bh2;
        forward.Add(new(@"\text{net}_{h_2}", @"w_3 x_1 + w_4 x_2 + b_{h_2}", $@"{N(w3)} \cdot {N(x1)} + {N(w4)} \cdot {N(x2)} + {N(bh2)}", net2, Operand("h2")?.Value, "trace: operand of h2"));
        double h2 = 1 / (1 + Math.Exp(-net2));
        forward.Add(new("h_2", @"\sigma(\text{net}_{h_2})", $@"1/(1 + e^{{-{N(net2)}}})", h2, Step("h2")?.Value, "trace: h2"));
        double out1 = w5 * h1 + w6 * h2 + bo1;
        forward.Add(new(@"\hat o_1", @"w_5 h_1 + w_6 h_2 + b_{o_1}", $@"{N(w5)} \cdot {N(h1)} + {N(w6)} \cdot {N(h2)} + {N(bo1)}", out1, Step("out1")?.Value, "trace: out1"));
        double out2 = w7 * h1 + w8 * h2 + bo2;
        forward.Add(new(@"\hat o_2", @"w_7 h_1 + w_8 h_2 + b_{o_2}", $@"{N(w7)} \cdot {N(h1)} + {N(w8)} \cdot {N(h2)} + {N(bo2)}", out2, Step("out2")?.Value, "trace: out2"));
        double e1 = 0.5 * (out1 - o1) * (out1 - o1);
        forward.Add(new("E_1", @"\tfrac12 (\hat o_1 - o_1)^2", $@"\tfrac12 ({N(out1)} - {N(o1)})^2", e1, Step("e1")?.Value, "trace: e1"));
        double e2 = 0.5 * (out2 - o2) * (out2 - o2);
        forward.Add(new("E_2", @"\tfrac12 (\hat o_2 - o_2)^2", $@"\tfrac12 ({N(out2)} - {N(o2)})^2", e2, Step("e2")?.Value, "trace: e2"));
        double e = e1 + e2;
        forward.Add(new("E", "E_1 + E_2", $"{N(e1)} + {N(e2)}", e, trace.Value, "trace: value"));

        // Backward: δ for each output, then each weight, then back through the sigmoids.
        double d1 = out1 - o1;
        backward.Add(new(@"\delta_{o_1} = \partial E / \partial \hat o_1", @"\hat o_1 - o_1", $"{N(out1)} - {N(o1)}", d1, Step("out1")?.Adjoint, "trace: adjoint of out1"));
        double d2 = out2 - o2;
        backward.Add(new(@"\delta_{o_2} = \partial E / \partial \hat o_2", @"\hat o_2 - o_2", $"{N(out2)} - {N(o2)}", d2, Step("out2")?.Adjoint, "trace: adjoint of out2"));
        double gw5 = d1 * h1, gw6 = d1 * h2, gw7 = d2 * h1, gw8 = d2 * h2, gbo1 = d1, gbo2 = d2;
        backward.Add(new(@"\partial E / \partial w_5", @"\delta_{o_1} h_1", $@"{N(d1)} \cdot {N(h1)}", gw5, trace.Inputs.First(i => i.Name == "w5").Gradient, "ErrorTrace gradient"));
        backward.Add(new(@"\partial E / \partial w_6", @"\delta_{o_1} h_2", $@"{N(d1)} \cdot {N(h2)}", gw6, trace.Inputs.First(i => i.Name == "w6").Gradient, "ErrorTrace gradient"));
        backward.Add(new(@"\partial E / \partial w_7", @"\delta_{o_2} h_1", $@"{N(d2)} \cdot {N(h1)}", gw7, trace.Inputs.First(i => i.Name == "w7").Gradient, "ErrorTrace gradient"));
        backward.Add(new(@"\partial E / \partial w_8", @"\delta_{o_2} h_2", $@"{N(d2)} \cdot {N(h2)}", gw8, trace.Inputs.First(i => i.Name == "w8").Gradient, "ErrorTrace gradient"));
        backward.Add(new(@"\partial E / \partial b_{o_1}", @"\delta_{o_1}", N(d1), gbo1, trace.Inputs.First(i => i.Name == "bo1").Gradient, "ErrorTrace gradient"));
        backward.Add(new(@"\partial E / \partial b_{o_2}", @"\delta_{o_2}", N(d2), gbo2, trace.Inputs.First(i => i.Name == "bo2").Gradient, "ErrorTrace gradient"));
        // h1 feeds both outputs: two contributions, with the weights as they were before the step.
        double eh1 = d1 * w5 + d2 * w7;
        backward.Add(new(@"\partial E / \partial h_1", @"\delta_{o_1} w_5 + \delta_{o_2} w_7", $@"{N(d1)} \cdot {N(w5)} + {N(d2)} \cdot {N(w7)}", eh1, Step("h1")?.Adjoint, "trace: adjoint of h1"));
        double eh2 = d1 * w6 + d2 * w8;
        backward.Add(new(@"\partial E / \partial h_2", @"\delta_{o_1} w_6 + \delta_{o_2} w_8", $@"{N(d1)} \cdot {N(w6)} + {N(d2)} \cdot {N(w8)}", eh2, Step("h2")?.Adjoint, "trace: adjoint of h2"));
        double dh1 = eh1 * h1 * (1 - h1);
        backward.Add(new(@"\delta_{h_1} = \partial E / \partial \text{net}_{h_1}", @"\frac{\partial E}{\partial h_1} h_1 (1 - h_1)", $@"{N(eh1)} \cdot {N(h1)} \cdot (1 - {N(h1)})", dh1, Operand("h1")?.Adjoint, "trace: adjoint of net_h1"));
        double dh2 = eh2 * h2 * (1 - h2);
        backward.Add(new(@"\delta_{h_2} = \partial E / \partial \text{net}_{h_2}", @"\frac{\partial E}{\partial h_2} h_2 (1 - h_2)", $@"{N(eh2)} \cdot {N(h2)} \cdot (1 - {N(h2)})", dh2, Operand("h2")?.Adjoint, "trace: adjoint of net_h2"));
        double gw1 = dh1 * x1, gw2 = dh1 * x2, gw3 = dh2 * x1, gw4 = dh2 * x2, gbh1 = dh1, gbh2 = dh2;
        backward.Add(new(@"\partial E / \partial w_1", @"\delta_{h_1} x_1", $@"{N(dh1)} \cdot {N(x1)}", gw1, trace.Inputs.First(i => i.Name == "w1").Gradient, "ErrorTrace gradient"));
        backward.Add(new(@"\partial E / \partial w_2", @"\delta_{h_1} x_2", $@"{N(dh1)} \cdot {N(x2)}", gw2, trace.Inputs.First(i => i.Name == "w2").Gradient, "ErrorTrace gradient"));
        backward.Add(new(@"\partial E / \partial w_3", @"\delta_{h_2} x_1", $@"{N(dh2)} \cdot {N(x1)}", gw3, trace.Inputs.First(i => i.Name == "w3").Gradient, "ErrorTrace gradient"));
        backward.Add(new(@"\partial E / \partial w_4", @"\delta_{h_2} x_2", $@"{N(dh2)} \cdot {N(x2)}", gw4, trace.Inputs.First(i => i.Name == "w4").Gradient, "ErrorTrace gradient"));
        backward.Add(new(@"\partial E / \partial b_{h_1}", @"\delta_{h_1}", N(dh1), gbh1, trace.Inputs.First(i => i.Name == "bh1").Gradient, "ErrorTrace gradient"));
        backward.Add(new(@"\partial E / \partial b_{h_2}", @"\delta_{h_2}", N(dh2), gbh2, trace.Inputs.First(i => i.Name == "bh2").Gradient, "ErrorTrace gradient"));

        return new HandCalculation
        {
            H1 = h1, H2 = h2, Out1 = out1, Out2 = out2, E = e,
            Gradient = [gw1, gw2, gw3, gw4, gw5, gw6, gw7, gw8, gbh1, gbh2, gbo1, gbo2],
            Forward = forward, Backward = backward,
        };
    }
}
