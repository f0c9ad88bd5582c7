// `sacjc completion bash`: a bash completion script made from the command line as CLI11 knows
// it (commands, their options, the values an option accepts), so it never drifts from the
// binary. The build writes it to share/bash-completion/completions/sacjc (CMakeLists.txt).
#include <set>
#include <sstream>

#include "cli.h"

namespace sacjc {
namespace {

// The choices of an option checked by CLI::IsMember ("TEXT:{text,json}"), as "text json".
std::string choices_of(const CLI::Option* option) {
  const std::string type = option->get_type_name();
  const auto open = type.find('{'), close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return "";
  std::string choices = type.substr(open + 1, close - open - 1);
  for (char& c : choices)
    if (c == ',') c = ' ';
  return choices;
}

std::string names_of(const CLI::Option* option) {
  std::string names;
  for (const std::string& s : option->get_snames()) names += " -" + s;
  for (const std::string& l : option->get_lnames()) names += " --" + l;
  return names;
}

struct Command {
  std::string path;  // "verify", "probes export"; "" for sacjc itself
  const CLI::App* app;
};

void collect(const CLI::App* app, const std::string& path, std::vector<Command>& commands) {
  commands.push_back({path, app});
  for (const CLI::App* sub : app->get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); }))
    collect(sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), commands);
}

// Single-quoted for bash.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

CLI::App* add_completion_command(CLI::App& app, std::string& shell) {
  CLI::App* cmd = app.add_subcommand("completion", "Print a shell completion script (bash)");
  cmd->group("");  // hidden: installed as a file, documented in docs/manual.md
  cmd->add_option("shell", shell, "Shell")->required()->check(CLI::IsMember({"bash"}));
  return cmd;
}

std::string bash_completion(const CLI::App& app) {
  std::vector<Command> commands;
  collect(&app, "", commands);
  // Options of sacjc itself that work after a command too (-v: CLI11's fallthrough).
  std::string global;
  for (const CLI::Option* option : app.get_options())
    if (option->nonpositional() && option->get_name() != "--version") global += names_of(option);

  std::ostringstream s;
  s << "# bash completion for sacjc, written by `sacjc completion bash` (do not edit).\n"
       "_sacjc() {\n"
       "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command= i\n"
       "  COMPREPLY=()\n"
       "  # The command so far: the words that name commands, in order.\n"
       "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
       "    case \"$command:${COMP_WORDS[i]}\" in\n";
  for (const Command& c : commands)
    for (const CLI::App* sub : c.app->get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); }))
      s << "      " << quoted(c.path + ":" + sub->get_name()) << ") command=${command:+$command }" << sub->get_name()
        << " ;;\n";
  s << "    esac\n  done\n"
       "  # The value of an option that takes one of a few words.\n"
       "  case \"$command:$prev\" in\n";
  for (const Command& c : commands)
    for (const CLI::Option* option : c.app->get_options()) {
      const std::string choices = choices_of(option);
      if (!option->nonpositional() || choices.empty()) continue;
      std::string patterns;
      for (const std::string& s_name : option->get_snames())
        patterns += (patterns.empty() ? "" : "|") + quoted(c.path + ":-" + s_name);
      for (const std::string& l_name : option->get_lnames())
        patterns += (patterns.empty() ? "" : "|") + quoted(c.path + ":--" + l_name);
      s << "    " << patterns << ") COMPREPLY=($(compgen -W " << quoted(choices) << " -- \"$cur\")); return ;;\n";
    }
  s << "  esac\n"
       "  local words\n"
       "  case \"$command\" in\n";
  for (const Command& c : commands) {
    std::string words;
    for (const CLI::App* sub : c.app->get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); }))
      words += " " + sub->get_name();
    for (const CLI::Option* option : c.app->get_options())
      if (option->nonpositional()) words += names_of(option);
    if (!c.path.empty()) words += global;
    s << "    " << quoted(c.path) << ") words=" << quoted(words.empty() ? "" : words.substr(1)) << " ;;\n";
  }
  s << "  esac\n"
       "  # Options after '-', else commands and files (-o default: bash completes file names).\n"
       "  if [[ $cur == -* ]]; then\n"
       "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
       "  else\n"
       "    COMPREPLY=($(compgen -W \"$(printf '%s\\n' $words | grep -v '^-')\" -- \"$cur\"))\n"
       "  fi\n"
       "}\n"
       "complete -o default -F _sacjc sacjc\n";
  return s.str();
}

}  // namespace sacjc
