using System.Text;
using Tutor;
using TutorLesson;

Console.OutputEncoding = Encoding.UTF8;   // so ∂ and x̄ print on every terminal

const double x = 2, y = 3;

// Reverse mode (backpropagation): the value, then one partial derivative per parameter, in parameter order.
var (value, dx, dy) = Formulas.FGradient(x, y);
Console.WriteLine($"f({x}, {y}) = {value}");
Console.WriteLine($"∂f/∂x = {dx}");
Console.WriteLine($"∂f/∂y = {dy}");

// The same computation, recorded step by step: the walkthrough shows every forward step and every backward +=.
Trace trace = Formulas.FTrace(x, y);
File.WriteAllText("walkthrough.md", trace.ToMarkdown());
Console.WriteLine($"Walkthrough: {Path.GetFullPath("walkthrough.md")}");

// `dotnet run -- --step` walks through it in the terminal: → next, ← previous, b backward, q quit.
if (args.Contains("--step")) trace.StepThrough();
