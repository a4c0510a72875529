using Tutor.Lessons.Cli;

return TutorCli.Run(args);
