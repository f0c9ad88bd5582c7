// What a person reads at the command line: help wrapped to the terminal, `sacjc help
// [COMMAND]`, and a "did you mean" for a mistyped command or option (CLI11 2.1 has none: the
// nearest name by edit distance, or the one name the typed word begins).
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "cli.h"
#include "sacjc/error.h"

namespace sacjc {
namespace {

// The terminal's width from COLUMNS or the terminal itself, else 100; kept between 60 and 120.
std::size_t help_width() {
  long columns = 0;
  if (const char* env = std::getenv("COLUMNS")) columns = std::strtol(env, nullptr, 10);
  struct winsize size {};
  if (columns <= 0 && isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) columns = size.ws_col;
  if (columns <= 0) columns = 100;
  return static_cast<std::size_t>(std::clamp(columns, 60L, 120L));
}

// Greedy word wrap; lines after the first are joined with "\n" (CLI11 indents them).
std::string wrap(const std::string& text, std::size_t width) {
  std::istringstream words(text);
  std::string word, out, line;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line;
}

class ReadableHelp : public CLI::Formatter {
 public:
  ReadableHelp() { column_width(34); }
  std::string make_option_desc(const CLI::Option* option) const override {
    return wrap(option->get_description(), help_width() - get_column_width());
  }
  // A long list of allowed values ("TEXT:{mad,rsa,...}") is left to the description, which
  // names them with what each means.
  std::string make_option_opts(const CLI::Option* option) const override {
    std::string text = CLI::Formatter::make_option_opts(option);
    const std::size_t open = text.find(":{"), close = text.find('}', open);
    if (open != std::string::npos && close != std::string::npos && close - open > 30)
      text.erase(open, close - open + 1);
    return text;
  }
  std::string make_description(const CLI::App* app) const override {
    const std::string text = app->get_description();
    return text.empty() ? "" : wrap(text, help_width()) + "\n\n";
  }
  std::string make_footer(const CLI::App* app) const override {
    const std::string text = app->get_footer();
    return text.empty() ? "" : wrap(text, help_width()) + "\n";
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_name(), wrap(sub->get_description(), help_width() - get_column_width()),
                             get_column_width());
    return out.str();
  }
};

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbours each cost one ("verfy" -> "verify" 1, "--trheshold" -> "--threshold" 1).
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_name().empty(); }))
    names.push_back(sub->get_name());
  return names;
}

// The options a word may have meant: those of `command` and of every command above it (the
// global flags fall through to the top).
std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* app = &command; app != nullptr; app = app->get_parent())
    for (const CLI::Option* option : app->get_options()) {
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
      for (const std::string& name : option->get_snames()) names.push_back("-" + name);
    }
  return names;
}

// The command the parse got to: the deepest subcommand given.
const CLI::App& deepest_command(const CLI::App& app) {
  const CLI::App* command = &app;
  while (!command->get_subcommands().empty()) command = command->get_subcommands().front();
  return *command;
}

}  // namespace

void use_readable_help(CLI::App& app) { app.formatter(std::make_shared<ReadableHelp>()); }

std::string nearest_name(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  // At most 2 edits, 1 for words under 5 characters, none under 4 ("-x" is not "-v" mistyped).
  std::size_t best_distance = word.size() >= 5 ? 3 : word.size() >= 4 ? 2 : 0;
  for (const std::string& name : candidates) {
    const std::size_t distance = edit_distance(word, name);
    if (distance < best_distance) best = name, best_distance = distance;
  }
  if (!best.empty()) return best;
  std::vector<std::string> extending;  // "--max-mem" -> "--max-memory"
  for (const std::string& name : candidates)
    if (word.size() >= 3 && name.size() > word.size() && name.compare(0, word.size(), word) == 0)
      extending.push_back(name);
  return extending.size() == 1 ? extending.front() : "";
}

std::string did_you_mean(const CLI::App& app) {
  const CLI::App& command = deepest_command(app);
  const bool needs_command = !command_names(command).empty() && command.get_subcommands().empty();
  for (std::string word : app.remaining(true)) {
    if (word.size() > 1 && word[0] == '-') {
      word = word.substr(0, word.find('='));
      const std::string name = nearest_name(word, option_names(command));
      if (!name.empty()) return word + " is not an option of " + command.get_name() + "; did you mean " + name + "?";
    } else if (needs_command) {
      const std::string name = nearest_name(word, command_names(command));
      return "'" + word + "' is not a command" + (name.empty() ? "" : "; did you mean '" + name + "'?") +
             " (sacjc help lists the commands)";
    }
  }
  return "";
}

std::string command_path(const CLI::App& app) {
  std::string path;
  for (const CLI::App* command = &app; !command->get_subcommands().empty();) {
    command = command->get_subcommands().front();
    path += (path.empty() ? "" : " ") + command->get_name();
  }
  return path;
}

CLI::App* add_help_command(CLI::App& app, HelpOptions& o) {
  CLI::App* cmd = app.add_subcommand("help", "Show the help of sacjc or of a command: sacjc help verify");
  cmd->add_option("command", o.topic, "Command (and subcommand: probes export)");
  return cmd;
}

int run_help(const CLI::App& app, const HelpOptions& o) {
  const CLI::App* command = &app;
  std::string usage_name = app.get_name();
  for (const std::string& word : o.topic) {
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : command->get_subcommands([&](const CLI::App* s) { return s->get_name() == word; }))
      next = sub;
    if (next == nullptr) {
      const std::string name = nearest_name(word, command_names(*command));
      throw Error(ExitCode::kUsage, "'" + word + "' is not a command" +
                                        (name.empty() ? "" : "; did you mean '" + name + "'?") +
                                        " (sacjc help lists the commands)");
    }
    if (command != &app) usage_name += " " + command->get_name();
    command = next;
  }
  std::cout << (command == &app ? app.help() : command->help(usage_name));
  return 0;
}

}  // namespace sacjc
