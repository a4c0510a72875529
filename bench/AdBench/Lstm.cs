using Tutor;

namespace Tutor.AdBench;

/// <summary>
/// ADBench's LSTM objective (src/cpp/shared/lstm.h) as plain C# loops over flat arrays. The state is overwritten at
/// every time step — the case that needs a tape in reverse mode. Kept faithful to ADBench, including its
/// <c>logsumexp</c>, which adds 2 inside the log, and its gates (the input gate reads the hidden state).
/// </summary>
public static partial class Lstm
{
    /// <summary>
    /// The loss of predicting each character of <paramref name="sequence"/> (c characters of b bits) from the ones
    /// before it with an l-layer LSTM of hidden size b.
    /// Layout: <paramref name="mainParams"/> has 8b values per layer (weights for forget, ingate, outgate, change,
    /// then their biases); <paramref name="extraParams"/> is in-weight, out-weight, out-bias (b each);
    /// <paramref name="initialState"/> is hidden then cell (b each) per layer.
    /// </summary>
    [Differentiable]
    public static double Objective(double[] mainParams, double[] extraParams, [NoDiff] double[] initialState, [NoDiff] double[] sequence,
        int l, int c, int b)
    {
        var state = new double[2 * l * b];
        for (int i = 0; i < 2 * l * b; i++) state[i] = initialState[i];
        var output = new double[b];
        double total = 0;
        int count = 0;
        for (int t = 0; t < c - 1; t++)
        {
            // lstm_predict: scale the input, run the layers, then the output layer.
            for (int i = 0; i < b; i++) output[i] = sequence[t * b + i] * extraParams[i];
            for (int layer = 0; layer < l; layer++)
            {
                int w = 8 * b * layer;
                int s = 2 * b * layer;
                for (int i = 0; i < b; i++)
                {
                    double input = layer == 0 ? output[i] : state[s - 2 * b + i];
                    double forget = StableMath.Sigmoid(input * mainParams[w + i] + mainParams[w + 4 * b + i]);
                    double ingate = StableMath.Sigmoid(state[s + i] * mainParams[w + b + i] + mainParams[w + 5 * b + i]);
                    double outgate = StableMath.Sigmoid(input * mainParams[w + 2 * b + i] + mainParams[w + 6 * b + i]);
                    double change = Math.Tanh(state[s + i] * mainParams[w + 3 * b + i] + mainParams[w + 7 * b + i]);
                    state[s + b + i] = state[s + b + i] * forget + ingate * change;
                    state[s + i] = outgate * Math.Tanh(state[s + b + i]);
                }
            }
            int last = 2 * b * (l - 1);
            for (int i = 0; i < b; i++) output[i] = state[last + i] * extraParams[b + i] + extraParams[2 * b + i];

            double sum = 0;
            for (int i = 0; i < b; i++) sum += Math.Exp(output[i]);
            double lse = Math.Log(sum + 2);
            for (int i = 0; i < b; i++) total += sequence[(t + 1) * b + i] * (output[i] - lse);
            count += b;
        }
        return -total / count;
    }
}
