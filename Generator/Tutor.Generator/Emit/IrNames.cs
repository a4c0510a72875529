using System.Collections.Generic;
using Tutor.Generator.Model;

namespace Tutor.Generator.Emit
{
    /// <summary>
    /// Facts about the IR's names that the emitters need: each name's type, how many loops enclose its definition,
    /// every loop, and free names for the emitters' own locals (value, trace).
    /// </summary>
    internal sealed class IrNames
    {
        readonly Dictionary<string, string> types = new Dictionary<string, string>();
        readonly Dictionary<string, int> depths = new Dictionary<string, int>();
        readonly HashSet<string> active = new HashSet<string>();

        public IrNames(MethodModel m)
        {
            foreach (var p in m.Parameters)
            {
                types[p.IrName] = p.Type;
                if (TensorTypes.IsTensor(p.Type)) HasTensors = true;
                if (p.Differentiable) active.Add(p.IrName);
            }
            Collect(m.Body, 0);
            Value = Free("value");
            Trace = Free("trace");
        }

        /// <summary>The local that holds the function's value.</summary>
        public string Value { get; }
        /// <summary>The local that holds the TraceBuilder.</summary>
        public string Trace { get; }
        /// <summary>Every loop, outer loops before the loops they contain.</summary>
        public List<Loop> Loops { get; } = new List<Loop>();
        public bool HasArraysOrLoops { get; private set; }
        /// <summary>Whether the method computes with tensors (its parameters or its steps).</summary>
        public bool HasTensors { get; private set; }

        public string TypeOf(Atom atom) => atom.IsLiteral ? "literal" : TypeOf(atom.Code);
        public string TypeOf(string name) => types.TryGetValue(name, out var t) ? t : "double";

        /// <summary>Whether <paramref name="name"/> carries a derivative (and so has an adjoint and a tangent).</summary>
        public bool IsActive(string name) => active.Contains(name);

        /// <summary>How many loops enclose the definition of <paramref name="name"/> (0 outside loops).</summary>
        public int DepthOf(string name) => depths.TryGetValue(name, out var d) ? d : 0;

        void Collect(Block block, int depth)
        {
            foreach (var s in block.Statements)
            {
                switch (s)
                {
                    case Let let:
                        types[let.Name] = let.Type;
                        depths[let.Name] = depth;
                        if (let.Active) active.Add(let.Name);
                        if (let.Kind is StepKind.Load or StepKind.NewArray) HasArraysOrLoops = true;
                        if (let.Kind is StepKind.TensorOp or StepKind.ToScalar || TensorTypes.IsTensor(let.Type)) HasTensors = true;
                        if (let.Call is { } call)
                            for (int i = 0, j = 0; i < call.DifferentiableParameters.Count; i++)
                                if (call.DifferentiableParameters[i])
                                {
                                    var partial = let.Name + "_d" + (++j);
                                    types[partial] = call.ParameterTypes[i].EndsWith("[]") ? call.ParameterTypes[i] : let.Type;
                                    depths[partial] = depth;
                                }
                        break;
                    case If branch:
                        Collect(branch.Then, depth);
                        Collect(branch.Else, depth);
                        break;
                    case Loop loop:
                        HasArraysOrLoops = true;
                        Loops.Add(loop);
                        foreach (var h in loop.HeaderVariables) { types[h.Name] = h.Type; depths[h.Name] = depth + 1; }
                        Collect(loop.Body, depth + 1);
                        break;
                    case Store:
                        HasArraysOrLoops = true;
                        break;
                }
            }
        }

        /// <summary>A name no IR value uses (and no later call returns), for the emitters' own locals.</summary>
        public string Free(string stem)
        {
            var name = stem;
            for (int k = 2; types.ContainsKey(name); k++) name = stem + "_" + k;
            types[name] = "";
            return name;
        }

        /// <summary>Every path through a loop body (in the order the emitters number them): its steps and its end.</summary>
        public static List<(List<Stmt> Steps, LoopEnd End)> Paths(Block body)
        {
            var result = new List<(List<Stmt>, LoopEnd)>();
            Walk(body, new List<Stmt>(), result);
            return result;
        }

        static void Walk(Block block, List<Stmt> before, List<(List<Stmt>, LoopEnd)> result)
        {
            var steps = new List<Stmt>(before);
            for (int i = 0; i < block.Statements.Count - 1; i++) steps.Add(block.Statements[i]);
            switch (block.Statements[block.Statements.Count - 1])
            {
                case LoopEnd end:
                    result.Add((steps, end));
                    break;
                case If branch:
                    Walk(branch.Then, steps, result);
                    Walk(branch.Else, steps, result);
                    break;
            }
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
