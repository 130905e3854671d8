# $pip is the name pip installs the package by.
missing-module-python-package-title = Python package '{ $module }' is not installed in the image of { $service }
missing-module-python-package-fix = Install { $pip } in the image: add it to requirements.txt and rebuild.
missing-module-python-package-step-add = Add `{ $pip }` (pinned to the version the code was written for) to requirements.txt, make sure the Dockerfile installs it (`RUN pip install --no-cache-dir -r requirements.txt`, in the stage that is shipped), then rebuild and recreate the container.
missing-module-python-package-step-ci = Import the application in the image build or in CI (`python -c 'import main'`), so a missing dependency fails the build instead of the deploy.

# $needed_by is the installed package that imports it.
missing-module-transitive-title = Python package '{ $module }', needed by the installed package { $needed_by }, is not installed in the image of { $service }
missing-module-transitive-fix = Install { $pip }, which { $needed_by } imports: pin it in requirements.txt and rebuild.
missing-module-transitive-step = Add `{ $pip }` to requirements.txt (or install { $needed_by } with the extra that pulls it in), rebuild and recreate the container; `pip check` in the image lists other broken requirements.

missing-module-submodule-title = module '{ $module }' does not exist in the installed '{ $parent }' of { $service }: the installed version is not the one the code expects
missing-module-submodule-fix = Pin '{ $parent }' to the version the code was written for, or change the import to where that version keeps it.
missing-module-submodule-step = Pin the version of { $pip } in requirements.txt, rebuild and recreate the container.

# $root is the project root directory.
missing-module-project-title = the project's own package '{ $module }' ({ $root }/{ $module }) is in the image of { $service } but not on Python's import path (not a missing pip package)
missing-module-project-title-likely = the project's own package '{ $module }' is most likely not on Python's import path in { $service }: the importing script runs from a subdirectory of { $root } (not a missing pip package)
missing-module-project-fix = Put the project root { $root } on the import path (PYTHONPATH={ $root }), or start the program as a module from { $root }.
missing-module-project-step-pythonpath = Recreate the container with PYTHONPATH={ $root }; Python then finds { $root }/{ $module } whatever directory the script runs from.
missing-module-project-step-image = Fix it in the image: `ENV PYTHONPATH={ $root }` and `WORKDIR { $root }` in the Dockerfile, or run scripts as modules (`python -m package.script` from { $root }) instead of by file path; make sure no volume is mounted over { $root }.

# $why is one of the missing-module-name-why-* messages.
missing-module-name-title = '{ $name }' cannot be imported from '{ $module }' in { $service }: { $why }
missing-module-name-why-circular = a circular import
missing-module-name-why-version = the installed { $package } is a different version than the code expects
missing-module-name-why-undefined = '{ $module }' does not define it
missing-module-name-why-undefined-at = '{ $module }' ({ $location }) does not define it
missing-module-name-fix-circular = Break the import cycle through '{ $module }': move the shared code to a third module, or import inside the function that needs it.
missing-module-name-fix-version = Pin { $pip } to the version that provides '{ $name }' in requirements.txt and rebuild.
missing-module-name-fix-undefined = Fix the import or define '{ $name }' in '{ $module }': the code in the image is out of step with itself.
# $fix is one of the missing-module-name-fix-* messages.
missing-module-name-step = { $fix } Then rebuild and recreate the container.

missing-module-app-title-mount = the ASGI app module '{ $module }' cannot be imported in { $service }: a volume mounted at { $mount } hides the code the image has there
missing-module-app-title = the ASGI app module '{ $module }' cannot be imported in { $service }: it is not in the working directory ({ $workdir }) or on PYTHONPATH
missing-module-app-fix = Point the server at the module: run it from the directory that holds { $module }.py, pass --app-dir, or set PYTHONPATH.
missing-module-app-step = Check where { $module }.py is in the image, then set WORKDIR (or `--app-dir`) to that directory, or remove the volume that hides it, and recreate the container.

missing-module-npm-title = npm package '{ $package }' is not installed in { $service }
missing-module-npm-fix = Add { $package } to package.json dependencies and install it in the image (npm ci), then rebuild.
missing-module-npm-step = Run `npm install { $package } --save` in the project, make sure the Dockerfile runs `npm ci --omit=dev` after copying package*.json, and that no volume is mounted over node_modules; rebuild and recreate the container.

missing-module-node-entry-title = { $service }'s entry file { $module } is not in the image (build output not copied, or hidden by a volume)
missing-module-node-file-title = project file { $module } cannot be found by { $service } (not copied into the image, or a case mismatch in its name)
missing-module-node-file-fix = Make { $module } exist in the image: copy the build output (or the file) in the Dockerfile, and check the path's spelling and case.
missing-module-node-file-step = Fix the COPY or build step that should produce the file, rebuild and recreate the container.
