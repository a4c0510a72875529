using System.Collections.Generic;
using System.Linq;
using System.Text;
using Tutor.Generator.Model;
using Tutor.Rules;

namespace Tutor.Generator.Emit
{
    /// <summary>
    /// Tensor steps as C#: the forward call, one VJP call per active operand (reverse mode), the JVP call (forward
    /// mode), following the calling convention at the top of Rules/TensorRules.cs. Comments use the table's Text
    /// (the step) and Notation (each VJP), with the table's letters replaced by the step's names: Ā += Ȳ·Bᵀ on
    /// t3 = MatMul(x, w) reads x̄ += t̄₃·wᵀ.
    /// </summary>
    internal static class TensorCode
    {
        /// <summary>
        /// Opens a <c>try</c> around the body of a generated method with tensor ops; <see cref="EndShapeErrors"/> closes
        /// it with an exception filter that tells a <c>ShapeMismatchException</c> which line of the student's source the
        /// failing op came from (the filter returns false: the exception goes on, with its stack trace, unchanged).
        /// </summary>
        public static void BeginShapeErrors(CodeWriter w, bool hasTensors)
        {
            if (!hasTensors) return;
            w.Open("try");
            w.Sites = new List<string>();
        }

        public static void EndShapeErrors(CodeWriter w, MethodModel m, bool hasTensors)
        {
            if (!hasTensors || w.Sites is null) return;
            var sites = string.Join(",", w.Sites);
            w.Sites = null;
            w.Close();
            w.Line($"// A shape error in an op above: say which line of {m.SourceFile} it came from (op@generated line:your line).");
            w.Open($"catch (global::Tutor.Tensors.ShapeMismatchException e) when (e.Locate(\"{m.Name}\", \"{m.SourceFile}\", \"{sites}\", global::System.Reflection.MethodBase.GetCurrentMethod()))");
            w.Line("throw;   // never reached: Locate returns false");
            w.Close();
        }

        static string Arguments(Let let) => string.Join(", ", let.Args.Select(a => a.Code));

        public static void EmitForward(CodeWriter w, Let let)
        {
            var rule = TensorRules.Find(let.Op)!;
            Site(w, rule.Forward, let);
            w.Line($"var {let.Name} = {rule.Forward}({Arguments(let)});", $"{MathNames.Pretty(let.Name)} = {Pretty(rule, let)}");
        }

        /// <summary>Ā += Ȳ·∂Y/∂A for every active operand A: the VJPs accumulate into the operands' adjoints.</summary>
        public static void EmitBackward(CodeWriter w, Let let)
        {
            var rule = TensorRules.Find(let.Op)!;
            var args = Arguments(let);
            for (int i = 0; i < rule.Arity; i++)
            {
                var operand = let.Args[i];
                if (!operand.Active) continue;
                Site(w, rule.Vjps[i], let);
                w.Line($"{rule.Vjps[i]}({let.Name}Bar, {args}, {let.Name}, {operand.Code}Bar);", Notation(rule, i, let));
            }
        }

        /// <summary>Ẏ = Σ ∂Y/∂A·Ȧ: a tangent tensor of the result's shape, overwritten by the JVP (null: a constant operand).</summary>
        public static void EmitTangent(CodeWriter w, Let let)
        {
            var rule = TensorRules.Find(let.Op)!;
            var tangents = let.Args.Take(rule.Arity).Select(a => a.Active ? a.Code + "Dot" : "null");
            w.Line($"var {let.Name}Dot = {let.Type}.ZerosLike({let.Name});");
            var dots = let.Args.Take(rule.Arity).Where(a => a.Active).Select(a => MathNames.Pretty(a.Code + "Dot"));
            Site(w, rule.Jvp, let);
            w.Line($"{rule.Jvp}({Arguments(let)}, {let.Name}, {string.Join(", ", tangents)}, {let.Name}Dot);",
                $"{MathNames.Pretty(let.Name + "Dot")} = ∂{MathNames.Pretty(let.Name)}/∂({string.Join(", ", let.Args.Take(rule.Arity).Where(a => a.Active).Select(a => MathNames.Pretty(a.Code)))})·({string.Join(", ", dots)})");
        }

        /// <summary>Records that the next line calls <paramref name="method"/> for the student's line of <paramref name="let"/>.</summary>
        static void Site(CodeWriter w, string method, Let let)
        {
            if (w.Sites is null || let.Line <= 0) return;
            var name = method.Substring(method.LastIndexOf('.') + 1);
            w.Sites.Add(name + "@" + w.NextLine + ":" + let.Line);
        }

        /// <summary>The step in the table's Text notation with pretty names: x · w, tanh(t₁).</summary>
        public static string Pretty(TensorRule rule, Let let)
        {
            var text = rule.Text;
            for (int i = let.Args.Count - 1; i >= 0; i--)
            {
                var a = let.Args[i];
                var code = a.IsLiteral ? a.Code.Trim('(', ')') : MathNames.Pretty(a.Code);
                bool atomic = a.IsLiteral || a.Code.All(c => char.IsLetterOrDigit(c) || c == '_');
                text = text.Replace("@" + i, code).Replace("#" + i, atomic ? code : "(" + code + ")");
            }
            return text;
        }

        /// <summary>
        /// The part of the rule's Notation for operand <paramref name="operand"/>, with the table's letters replaced by
        /// the step's names: operands A, B (or v; Ŷ and Y for prediction and target; Z for logits), the result Y and
        /// its adjoint Ȳ (ȳ for a one-element result), y for labels.
        /// </summary>
        public static string Notation(TensorRule rule, int operand, Let let)
        {
            var parts = rule.Notation.Split(new[] { ", " }, System.StringSplitOptions.None);
            var part = parts.Length == rule.Arity ? parts[operand] : rule.Notation;

            var map = new Dictionary<string, string>();
            void Name(string letter, string code)
            {
                map[letter] = MathNames.Pretty(code);
                map[letter + "\u0304"] = MathNames.Pretty(code + "Bar");
            }
            bool loss = rule.Operands.Contains("target") || rule.Operands.Contains("logits");
            if (!loss)
            {
                Name("Y", let.Name);
            }
            map["y\u0304"] = MathNames.Pretty(let.Name + "Bar");
            for (int i = 0; i < rule.Arity; i++)
            {
                var code = let.Args[i].Code;
                switch (rule.Operands[i])
                {
                    case "a": Name("A", code); break;
                    case "b": Name("B", code); break;
                    case "v": Name("v", code); break;
                    case "prediction": Name("Y\u0302", code); break;
                    case "target": Name("Y", code); break;
                    case "logits": Name("Z", code); break;
                }
            }
            for (int i = 0; i < rule.Parameters.Length && rule.Arity + i < let.Args.Count; i++)
            {
                var a = let.Args[rule.Arity + i];
                var code = a.IsLiteral ? a.Code.Trim('(', ')') : MathNames.Pretty(a.Code);
                if (rule.Parameters[i].Kind == TensorParameterKind.Labels) map["y"] = code;
                else if (rule.Parameters[i].Name == "s") map["s"] = code;
                else if (rule.Parameters[i].Name == "exponent") map["p"] = code;
            }
            return Substitute(part, map);
        }

        /// <summary>
        /// Replaces whole symbols (a letter with its combining marks, not inside a word) by their names. Letters are
        /// compared decomposed (Ā as A + macron) by a small table, not string.Normalize, which invariant-globalization
        /// hosts do not implement.
        /// </summary>
        static string Substitute(string text, Dictionary<string, string> map)
        {
            var sb = new StringBuilder();
            int i = 0;
            while (i < text.Length)
            {
                if (!IsWordLetter(text[i]))
                {
                    sb.Append(text[i++]);
                    continue;
                }
                int start = i++;
                while (i < text.Length && IsMark(text[i])) i++;
                var key = new StringBuilder(Decompose(text[start]));
                for (int k = start + 1; k < i; k++) key.Append(text[k]);
                bool standalone = (start == 0 || !IsWordLetter(text[start - 1])) && (i == text.Length || !IsWordLetter(text[i]));
                if (standalone && map.TryGetValue(key.ToString(), out var name)) sb.Append(name);
                else
                {
                    // Inside a word (softmax, argmax, onehot): copy the word as is.
                    sb.Append(text, start, i - start);
                    while (i < text.Length && (IsWordLetter(text[i]) || IsMark(text[i]))) sb.Append(text[i++]);
                }
            }
            return sb.ToString();
        }

        /// <summary>The precomposed letters of the table's notation, as base letter + combining mark.</summary>
        static string Decompose(char c) => c switch
        {
            '\u0100' => "A\u0304",   // Ā
            '\u0101' => "a\u0304",   // ā
            '\u0232' => "Y\u0304",   // Ȳ
            '\u0233' => "y\u0304",   // ȳ
            '\u0176' => "Y\u0302",   // Ŷ
            '\u0177' => "y\u0302",   // ŷ
            _ => c.ToString(),
        };

        /// <summary>A letter that can be part of a name; modifier letters (ᵀ, ᵢ) are superscripts and subscripts.</summary>
        static bool IsWordLetter(char c) => char.IsLetter(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.ModifierLetter;

        static bool IsMark(char c) => c >= '\u0300' && c <= '\u036F';
    }
}
