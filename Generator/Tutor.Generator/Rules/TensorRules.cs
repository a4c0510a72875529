// The one table of tensor derivative rules. Like ScalarRules.cs, this file is compiled into the generator (which
// turns a [Differentiable] method over tensors into calls of the methods named here) and into Tutor.Runtime (whose
// tests check by reflection that every method named here exists with the signature below, and that every public
// op of Tutor.Tensors.Ops is in the table), so the two cannot drift apart. Keep it netstandard2.0-clean: no APIs
// newer than that, no records.
//
// THE CALLING CONVENTION (every op, T = float or double, all methods generic in T and static on Ops):
//
//   operands   the tensors the op differentiates with respect to: a (and b), type Tensor<T>.
//   parameters constants that are not differentiated (a scalar T, int[] labels, int indices), after the operands.
//
//   forward    Tensor<T> X(operands..., parameters...)                               → a new tensor Y
//              Tensor<T> X(operands..., parameters..., Tensor<T> destination)       → writes Y into destination
//                        (except the ops whose result is a scalar: Sum, Mean, Max and the losses)
//   VJP        void XVjp(Tensor<T> resultAdjoint, operands..., parameters..., Tensor<T> result, Tensor<T> operandAdjoint)
//              one per operand: XVjp for one operand, XVjpLeft and XVjpRight for two. It ACCUMULATES:
//              operandAdjoint += Ȳ·∂Y/∂operand, so generated code starts each adjoint at zero
//              (Tensor<T>.ZerosLike(x)) and adds every use's contribution without allocating.
//   JVP        void XJvp(operands..., parameters..., Tensor<T> result, Tensor<T>? operandTangent..., Tensor<T> resultTangent)
//              OVERWRITES resultTangent with Ẏ = Σ ∂Y/∂operand·operandTangent; a null tangent is a constant operand.
//
// Generated reverse code:  var t3 = Ops.MatMul(a, b);  ...  Ops.MatMulVjpLeft(t3Bar, a, b, t3, aBar);
// Generated forward code:  var t3Dot = Tensor<T>.ZerosLike(t3); Ops.MatMulJvp(a, b, t3, aDot, bDot, t3Dot);
//
// Latex and Text use ScalarRules' placeholders: @i the i-th argument as is, #i in parentheses unless atomic; the
// operands come first (0, 1), then the parameters (Pow: @0 the base, @1 the exponent). Notation is the VJP as a
// student writes it (Ā += Ȳ·Bᵀ), for the comment on each adjoint line.
using System;
using System.Collections.Generic;

namespace Tutor.Rules
{
    /// <summary>The C# type of a constant (not differentiated) parameter of a tensor op.</summary>
    internal enum TensorParameterKind
    {
        /// <summary>A scalar of the tensor's element type T (an exponent, a scale).</summary>
        Element,
        /// <summary><c>int[]</c>: one class label per row.</summary>
        Labels,
        /// <summary><c>int</c>: a row index or a count.</summary>
        Index,
    }

    /// <summary>A constant parameter: its name in the Ops method and its type.</summary>
    internal sealed class TensorParameter
    {
        public TensorParameter(string name, TensorParameterKind kind) { Name = name; Kind = kind; }
        public string Name { get; }
        public TensorParameterKind Kind { get; }
    }

    /// <summary>One tensor op: the methods that compute it and its derivatives, and how to write it.</summary>
    internal sealed class TensorRule
    {
        public TensorRule(string name, string[] operands, TensorParameter[] parameters, string forward, string[] vjps, string jvp,
            string latex, string text, string notation, string symbol)
        {
            Name = name; Operands = operands; Parameters = parameters; Forward = forward; Vjps = vjps; Jvp = jvp;
            Latex = latex; Text = text; Notation = notation; Symbol = symbol;
        }

        /// <summary>The op's name in the IR and in traces; also the Ops method name.</summary>
        public string Name { get; }
        /// <summary>The differentiable operands' parameter names (a, b; prediction, target; logits).</summary>
        public string[] Operands { get; }
        /// <summary>Constant parameters after the operands.</summary>
        public TensorParameter[] Parameters { get; }
        /// <summary>The forward method, fully qualified: <c>global::Tutor.Tensors.Ops.MatMul</c>.</summary>
        public string Forward { get; }
        /// <summary>One VJP method per operand, fully qualified.</summary>
        public string[] Vjps { get; }
        /// <summary>The JVP method, fully qualified.</summary>
        public string Jvp { get; }
        public string Latex { get; }
        public string Text { get; }
        /// <summary>The VJP as a student writes it (Ā += Ȳ·Bᵀ, B̄ += Aᵀ·Ȳ).</summary>
        public string Notation { get; }
        /// <summary>The C# operator on Tensor&lt;T&gt; that means this op ("+", "-", "*", "/", unary "-" as "neg"), or "".</summary>
        public string Symbol { get; }

        public int Arity => Operands.Length;
    }

    /// <summary>The table. One line per op.</summary>
    internal static class TensorRules
    {
        /// <summary>The class that holds every method of the table.</summary>
        public const string OpsClass = "global::Tutor.Tensors.Ops";

        static readonly string[] A = { "a" };
        static readonly string[] AB = { "a", "b" };
        static readonly string[] AV = { "a", "v" };
        static readonly string[] PT = { "prediction", "target" };
        static readonly string[] ZT = { "logits", "target" };

        static TensorParameter E(string name) => new TensorParameter(name, TensorParameterKind.Element);
        static TensorParameter I(string name) => new TensorParameter(name, TensorParameterKind.Index);
        static TensorParameter L(string name) => new TensorParameter(name, TensorParameterKind.Labels);

        /// <summary>An entry whose method names follow the convention: X, XVjp or XVjpLeft/XVjpRight, XJvp.</summary>
        static TensorRule R(string name, string[] operands, string latex, string text, string notation, string symbol = "", params TensorParameter[] parameters)
        {
            var vjps = operands.Length == 1
                ? new[] { OpsClass + "." + name + "Vjp" }
                : new[] { OpsClass + "." + name + "VjpLeft", OpsClass + "." + name + "VjpRight" };
            return new TensorRule(name, operands, parameters, OpsClass + "." + name, vjps, OpsClass + "." + name + "Jvp", latex, text, notation, symbol);
        }

        public static readonly TensorRule[] All =
        {
            R("MatMul", AB, "#0 #1", "@0 · @1", "Ā += Ȳ·Bᵀ, B̄ += Aᵀ·Ȳ"),
            R("MatMulTransposeA", AB, "#0^{\\top} #1", "@0ᵀ · @1", "Ā += B·Ȳᵀ, B̄ += A·Ȳ"),
            R("MatMulTransposeB", AB, "#0 #1^{\\top}", "@0 · @1ᵀ", "Ā += Ȳ·B, B̄ += Ȳᵀ·A"),
            R("Transpose", A, "#0^{\\top}", "@0ᵀ", "Ā += Ȳᵀ"),
            R("Add", AB, "@0 + @1", "@0 + @1", "Ā += Ȳ, B̄ += Ȳ", "+"),
            R("Sub", AB, "@0 - @1", "@0 - @1", "Ā += Ȳ, B̄ −= Ȳ", "-"),
            R("Mul", AB, "#0 \\odot #1", "@0 ⊙ @1", "Ā += Ȳ⊙B, B̄ += Ȳ⊙A", "*"),
            R("Div", AB, "#0 \\oslash #1", "@0 ⊘ @1", "Ā += Ȳ⊘B, B̄ −= Ȳ⊙Y⊘B", "/"),
            R("Neg", A, "-#0", "-@0", "Ā −= Ȳ", "neg"),
            R("Scale", A, "@1 #0", "@1 · @0", "Ā += s·Ȳ", "", E("s")),
            R("AddScalar", A, "@0 + @1", "@0 + @1", "Ā += Ȳ", "", E("s")),
            R("AddRowVector", AV, "@0 + \\mathbf{1} #1^{\\top}", "@0 + 1·@1ᵀ", "Ā += Ȳ, v̄ += Σᵢ Ȳ[i,:]"),
            R("AddColumnVector", AV, "@0 + #1 \\mathbf{1}^{\\top}", "@0 + @1·1ᵀ", "Ā += Ȳ, v̄[i] += Σⱼ Ȳ[i,j]"),

            R("Exp", A, "e^{@0}", "exp(@0)", "Ā += Ȳ⊙Y"),
            R("Log", A, "\\ln #0", "ln(@0)", "Ā += Ȳ⊘A"),
            R("Tanh", A, "\\tanh #0", "tanh(@0)", "Ā += Ȳ⊙(1 − Y²)"),
            R("Sigmoid", A, "\\sigma(@0)", "sigmoid(@0)", "Ā += Ȳ⊙Y⊙(1 − Y)"),
            R("Relu", A, "\\operatorname{relu}(@0)", "relu(@0)", "Ā += Ȳ⊙[A > 0]"),
            R("Abs", A, "\\left|@0\\right|", "|@0|", "Ā += Ȳ⊙sgn A"),
            R("Sign", A, "\\operatorname{sgn}(@0)", "sgn(@0)", "Ā += 0"),
            R("Pow", A, "#0^{@1}", "@0^@1", "Ā += Ȳ⊙p·A^(p−1)", "", E("exponent")),
            R("Sqrt", A, "\\sqrt{@0}", "sqrt(@0)", "Ā += Ȳ⊘(2Y)"),
            R("Square", A, "#0^{2}", "@0²", "Ā += 2·Ȳ⊙A"),

            R("Sum", A, "\\sum #0", "sum(@0)", "Ā += ȳ"),
            R("Mean", A, "\\operatorname{mean}(@0)", "mean(@0)", "Ā += ȳ/N"),
            R("RowSums", A, "#0 \\mathbf{1}", "rowsums(@0)", "Ā[i,j] += ȳ[i]"),
            R("RowMeans", A, "\\tfrac{1}{n} #0 \\mathbf{1}", "rowmeans(@0)", "Ā[i,j] += ȳ[i]/n"),
            R("ColumnSums", A, "#0^{\\top} \\mathbf{1}", "colsums(@0)", "Ā[i,j] += ȳ[j]"),
            R("ColumnMeans", A, "\\tfrac{1}{m} #0^{\\top} \\mathbf{1}", "colmeans(@0)", "Ā[i,j] += ȳ[j]/m"),
            R("Max", A, "\\max #0", "max(@0)", "Ā[argmax] += ȳ"),
            R("RowMaxes", A, "\\max_{j} #0", "rowmax(@0)", "Ā[i, argmaxᵢ] += ȳ[i]"),

            R("RowLogSumExp", A, "\\operatorname{lse}_{j}(@0)", "logsumexp_rows(@0)", "Ā[i,:] += ȳ[i]·softmax(A[i,:])"),
            R("RowSoftmax", A, "\\operatorname{softmax}(@0)", "softmax_rows(@0)", "Ā += Y⊙(Ȳ − rowsum(Ȳ⊙Y))"),
            R("RowLogSoftmax", A, "\\log\\operatorname{softmax}(@0)", "logsoftmax_rows(@0)", "Ā += Ȳ − softmax(A)·rowsum(Ȳ)"),
            R("GatherByLabel", A, "#0_{i, y_i}", "@0[i, @1[i]]", "Ā[i, labelᵢ] += ȳ[i]", "", L("labels")),
            R("SliceRows", A, "#0_{@1 : @1 + @2}", "@0[@1 : @1 + @2]", "Ā[start + i] += Ȳ[i]", "", I("start"), I("count")),

            R("MseLoss", PT, "\\tfrac{1}{N}\\lVert @0 - @1 \\rVert^{2}", "mse(@0, @1)", "Ŷ̄ += ȳ·2(Ŷ − Y)/N, Ȳ −= ȳ·2(Ŷ − Y)/N"),
            R("MaeLoss", PT, "\\tfrac{1}{N}\\lVert @0 - @1 \\rVert_{1}", "mae(@0, @1)", "Ŷ̄ += ȳ·sgn(Ŷ − Y)/N, Ȳ −= ȳ·sgn(Ŷ − Y)/N"),
            R("CrossEntropyLoss", new[] { "logits" }, "\\operatorname{CE}(@0, @1)", "cross_entropy(@0, @1)", "Z̄ += ȳ·(softmax(Z) − onehot(y))/B", "", L("labels")),
            R("HingeLoss", PT, "\\operatorname{mean}\\max(-#1 \\odot #0, 0)", "mean(max(-@1 ⊙ @0, 0))", "Ŷ̄ −= ȳ·Y⊙[−Y⊙Ŷ > 0]/N, Ȳ −= ȳ·Ŷ⊙[−Y⊙Ŷ > 0]/N"),
            R("BinaryCrossEntropyLoss", ZT, "\\operatorname{BCE}(@0, @1)", "bce_logits(@0, @1)", "Z̄ += ȳ·(σ(Z) − Y)/N, Ȳ −= ȳ·Z/N"),
        };

        static Dictionary<string, TensorRule>? byName;

        /// <summary>The rule named <paramref name="name"/>, or null.</summary>
        public static TensorRule? Find(string name)
        {
            var map = byName;
            if (map is null)
            {
                map = new Dictionary<string, TensorRule>(StringComparer.Ordinal);
                foreach (var r in All) map[r.Name] = r;
                byName = map;
            }
            return map.TryGetValue(name, out var rule) ? rule : null;
        }

        /// <summary>The rule a C# operator on tensors means ("+", "-", "*", "/", "neg"), or null.</summary>
        public static TensorRule? FindSymbol(string symbol)
        {
            foreach (var r in All)
                if (r.Symbol == symbol) return r;
            return null;
        }
    }
}
