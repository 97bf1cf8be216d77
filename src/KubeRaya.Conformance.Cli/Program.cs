// Placeholder entry point; the command line lands with the run orchestration.
return 0;
