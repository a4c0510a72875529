using System.Collections.Generic;
using Tutor.Generator.Model;

namespace Tutor.Generator.Emit
{
    /// <summary>The types of the IR's names, and free names for the emitters' own locals (value, trace).</summary>
    internal sealed class IrNames
    {
        readonly Dictionary<string, string> types = new Dictionary<string, string>();

        public IrNames(MethodModel m)
        {
            foreach (var p in m.Parameters) types[p.Name] = p.Type;
            Collect(m.Body);
            Value = Free("value");
            Trace = Free("trace");
        }

        /// <summary>The local that holds the function's value.</summary>
        public string Value { get; }
        /// <summary>The local that holds the TraceBuilder.</summary>
        public string Trace { get; }

        public string TypeOf(Atom atom) => atom.IsLiteral ? "literal" : types.TryGetValue(atom.Code, out var t) ? t : "double";

        void Collect(Block block)
        {
            foreach (var s in block.Statements)
            {
                if (s is Let let) types[let.Name] = let.Type;
                else if (s is If branch) { Collect(branch.Then); Collect(branch.Else); }
            }
        }

        string Free(string stem)
        {
            var name = stem;
            for (int k = 2; types.ContainsKey(name) || types.ContainsKey(name.Replace("Bar", "")); k++) name = stem + "_" + k;
            types[name] = "";
            return name;
        }
    }

    /// <summary>Branch conditions as C#.</summary>
    internal static class Conditions
    {
        public static string CSharp(Condition condition) => condition switch
        {
            Compare c => $"{c.Left.Code} {c.Op} {c.Right.Code}",
            Logical l => $"{Group(l.Left)} {l.Op} {Group(l.Right)}",
            Not n => $"!{Group(n.Operand)}",
            OpaqueCondition o => o.Code,
            _ => "true",
        };

        static string Group(Condition condition) => condition is Compare or Logical ? "(" + CSharp(condition) + ")" : CSharp(condition);
    }
}
