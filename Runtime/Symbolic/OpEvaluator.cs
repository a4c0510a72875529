namespace Tutor.Symbolic;

/// <summary>The forward value of every op of the rule table, in double, through the same methods generated code calls.</summary>
internal static class OpEvaluator
{
    public static double Evaluate(string op, ReadOnlySpan<double> v) => op switch
    {
        "Add" => v[0] + v[1],
        "Sub" => v[0] - v[1],
        "Mul" => v[0] * v[1],
        "Div" => v[0] / v[1],
        "Neg" => -v[0],
        "Copy" => v[0],

        "Exp" => Math.Exp(v[0]),
        "Log" => Math.Log(v[0]),
        "LogBase" => Math.Log(v[0], v[1]),
        "Log10" => Math.Log10(v[0]),
        "Log2" => Math.Log2(v[0]),
        "Pow" => Math.Pow(v[0], v[1]),
        "Sqrt" => Math.Sqrt(v[0]),
        "Cbrt" => Math.Cbrt(v[0]),
        "Sin" => Math.Sin(v[0]),
        "Cos" => Math.Cos(v[0]),
        "Tan" => Math.Tan(v[0]),
        "Asin" => Math.Asin(v[0]),
        "Acos" => Math.Acos(v[0]),
        "Atan" => Math.Atan(v[0]),
        "Atan2" => Math.Atan2(v[0], v[1]),
        "Sinh" => Math.Sinh(v[0]),
        "Cosh" => Math.Cosh(v[0]),
        "Tanh" => Math.Tanh(v[0]),
        "Abs" => Math.Abs(v[0]),
        "Max" => Math.Max(v[0], v[1]),
        "Min" => Math.Min(v[0], v[1]),
        "Clamp" => Math.Clamp(v[0], v[1], v[2]),
        "Floor" => Math.Floor(v[0]),
        "Ceiling" => Math.Ceiling(v[0]),
        "Round" => Math.Round(v[0]),
        "Truncate" => Math.Truncate(v[0]),

        "Log1p" => StableMath.Log1p(v[0]),
        "Expm1" => StableMath.Expm1(v[0]),
        "Softplus" => StableMath.Softplus(v[0]),
        "Sigmoid" => StableMath.Sigmoid(v[0]),
        "LogSigmoid" => StableMath.LogSigmoid(v[0]),
        "LogSumExp" => StableMath.LogSumExp(v[0], v[1]),
        "Relu" => StableMath.Relu(v[0]),
        "Hypot" => StableMath.Hypot(v[0], v[1]),

        "Sign" => Partials.Sign(v[0]),
        "Step" => Partials.Step(v[0]),
        "MaxFirst" => Partials.MaxFirst(v[0], v[1]),
        "MaxSecond" => Partials.MaxSecond(v[0], v[1]),
        "MinFirst" => Partials.MinFirst(v[0], v[1]),
        "MinSecond" => Partials.MinSecond(v[0], v[1]),
        "ClampValue" => Partials.ClampValue(v[0], v[1], v[2]),
        "ClampLow" => Partials.ClampLow(v[0], v[1], v[2]),
        "ClampHigh" => Partials.ClampHigh(v[0], v[1], v[2]),
        "XLogY" => Partials.XLogY(v[0], v[1]),
        "SafeDiv" => Partials.SafeDiv(v[0], v[1]),

        _ => throw new NotSupportedException($"Op '{op}' is in the rule table but the symbolic evaluator has no case for it."),
    };
}
